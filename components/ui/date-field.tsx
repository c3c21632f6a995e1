export interface DateFieldProps {
  id: string;
  label: string;
  name: string;
  /** A calendar date, YYYY-MM-DD (what the browser sends and the server reads), or empty. */
  defaultValue?: string;
  min?: string;
  max?: string;
}

/**
 * A labelled calendar date of the design system: the browser's own date input, which shows and takes the date in
 * the user's locale (and offers its picker, on a phone too) and sends it as YYYY-MM-DD, so that the GET forms of
 * the staff lists work without scripts and an address can be written by hand. Styled by globals.css with the other
 * controls.
 */
export function DateField({ id, label, name, defaultValue, min, max }: DateFieldProps) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type="date" defaultValue={defaultValue} min={min} max={max} />
    </>
  );
}
