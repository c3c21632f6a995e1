import { Select, type SelectOption } from './select';

/** One choice of a list's filters: its select's id, the URL parameter it sets, its label, options and current value. */
export interface Filter {
  id: string;
  name: string;
  label: string;
  options: readonly SelectOption[];
  value: string | undefined;
}

/**
 * A staff list's filters as labelled native selects, in the order given, inside the list's GET form: each lands in
 * the address as its `name`, and the form works without scripts. A missing value selects the option whose value is
 * empty (the filter's "any").
 */
export function FilterRow({ filters }: { filters: readonly Filter[] }) {
  return filters.map((f) => (
    <Select key={f.name} id={f.id} label={f.label} name={f.name} options={f.options} defaultValue={f.value ?? ''} />
  ));
}
