import type { Filter } from './filter-row';

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
export function dueFilter(id: string, value: string | undefined): Filter {
  return { id, name: 'due', label: 'Due', options: dueOptions, value };
}

/** Ascending or descending, or the sort's own default. */
export function dirFilter(id: string, value: string | undefined): Filter {
  return { id, name: 'dir', label: 'Order', options: dirOptions, value };
}
