/** A placeholder while content loads: grey lines, hidden from assistive technology, with one "Loading…" status for it. */
export function Skeleton({ lines = 3, label = 'Loading…' }: { lines?: number; label?: string }) {
  return (
    <div className="skeleton" role="status">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: lines }, (_, i) => (
        <span
          key={i}
          className="skeleton-line"
          aria-hidden="true"
          style={{ width: `${i === lines - 1 && lines > 1 ? 60 : 100}%` }}
        />
      ))}
    </div>
  );
}
