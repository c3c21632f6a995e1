import Link from 'next/link';

/** The address of the same list with some query values changed (empty values dropped, so addresses stay short). */
export function listHref(
  path: string,
  params: Record<string, string>,
  changes: Record<string, string | undefined>,
): string {
  const merged = { ...params, ...changes };
  const query = new URLSearchParams(
    Object.entries(merged).filter((e): e is [string, string] => Boolean(e[1])),
  ).toString();
  return query ? `${path}?${query}` : path;
}

/** Previous / next and numbered page links that keep the list's other query values. */
export function Pagination({
  path,
  params,
  page,
  pageCount,
  label,
}: {
  path: string;
  params: Record<string, string>;
  page: number;
  pageCount: number;
  label: string;
}) {
  if (pageCount <= 1) return null;
  const near = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])]
    .filter((p) => p >= 1 && p <= pageCount)
    .sort((a, b) => a - b);
  const href = (p: number) => listHref(path, params, { page: p === 1 ? undefined : String(p) });
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span aria-hidden="true">← Previous</span>
      )}
      <ol>
        {near.map((p, i) => (
          <li key={p}>
            {i > 0 && p - (near[i - 1] ?? p) > 1 && <span aria-hidden="true">… </span>}
            {p === page ? (
              <span aria-current="page">{p}</span>
            ) : (
              <Link href={href(p)} aria-label={`Page ${p}`}>
                {p}
              </Link>
            )}
          </li>
        ))}
      </ol>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next">
          Next →
        </Link>
      ) : (
        <span aria-hidden="true">Next →</span>
      )}
      <span className="meta">
        Page {page} of {pageCount}
      </span>
    </nav>
  );
}
