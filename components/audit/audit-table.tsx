interface Entry {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  actor: { name: string } | null;
  before: unknown;
  after: unknown;
  createdAt: string;
}

const show = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

/** Audit entries as a table: when, who, what, on which entity, before and after. */
export function AuditTable({ entries, caption }: { entries: Entry[]; caption: string }) {
  if (entries.length === 0) return <p>No events.</p>;
  return (
    <table className="table audit">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">When (UTC)</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Entity</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td>{e.createdAt.replace('T', ' ').slice(0, 19)}</td>
            <td>{e.actor?.name ?? 'system'}</td>
            <td>{e.action}</td>
            <td>
              {e.entityType} <code>{e.entityId.slice(0, 12)}</code>
            </td>
            <td className="json">{show(e.before)}</td>
            <td className="json">{show(e.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
