/** A role in words, as the users list and the role checkboxes show it. */
export const roleLabels = { ADMIN: 'Admin', EDITOR: 'Editor', REVIEWER: 'Reviewer' } as const;

export function RoleCheckboxes({
  idPrefix,
  checked,
  error,
}: {
  idPrefix: string;
  checked: readonly string[];
  error?: string;
}) {
  return (
    <fieldset className="roles" aria-describedby={error ? `${idPrefix}-roles-error` : undefined}>
      <legend>Roles</legend>
      {Object.entries(roleLabels).map(([role, label]) => (
        <label key={role} className="checkbox">
          <input type="checkbox" name="roles" value={role} defaultChecked={checked.includes(role)} /> {label}
        </label>
      ))}
      {error && (
        <p className="field-error" id={`${idPrefix}-roles-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
