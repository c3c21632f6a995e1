/** The due-date filter shared by the staff lists (values as lib/validation/staff-lists reads them). */
export function DueSelect({ id, value }: { id: string; value: string | undefined }) {
  return (
    <>
      <label htmlFor={id}>Due</label>
      <select id={id} name="due" defaultValue={value ?? ''}>
        <option value="">Any time</option>
        <option value="overdue">Overdue</option>
        <option value="week">Within 7 days</option>
        <option value="set">Has a due date</option>
        <option value="none">No due date</option>
      </select>
    </>
  );
}

/** Ascending or descending, or the sort's own default. */
export function DirSelect({ id, value }: { id: string; value: string | undefined }) {
  return (
    <>
      <label htmlFor={id}>Order</label>
      <select id={id} name="dir" defaultValue={value ?? ''}>
        <option value="">Default</option>
        <option value="asc">Ascending</option>
        <option value="desc">Descending</option>
      </select>
    </>
  );
}
