export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps {
  id: string;
  label: string;
  name: string;
  options: readonly SelectOption[];
  defaultValue?: string;
}

/**
 * A labelled choice of the design system, as its label and the browser's own `<select>` (styled by globals.css):
 * the staff lists' filters are GET forms that work without scripts, and a phone shows its own picker. An option's
 * value may be empty (the filter's "any").
 */
export function Select({ id, label, name, options, defaultValue }: SelectProps) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={defaultValue}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </>
  );
}
