import { Select } from './select';

const dueOptions = [
  { value: '', label: 'Any time' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'week', label: 'Within 7 days' },
  { value: 'set', label: 'Has a due date' },
  { value: 'none', label: 'No due date' },
] as const;

const dirOptions = [
  { value: '', label: 'Default' },
  { value: 'asc', label: 'Ascending' },
  { value: 'desc', label: 'Descending' },
] as const;

/** The due-date filter shared by the staff lists (values as lib/validation/staff-lists reads them). */
export function DueSelect({ id, value }: { id: string; value: string | undefined }) {
  return <Select id={id} label="Due" name="due" options={dueOptions} defaultValue={value ?? ''} />;
}

/** Ascending or descending, or the sort's own default. */
export function DirSelect({ id, value }: { id: string; value: string | undefined }) {
  return <Select id={id} label="Order" name="dir" options={dirOptions} defaultValue={value ?? ''} />;
}
