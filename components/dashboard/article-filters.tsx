import Link from 'next/link';
import { DirSelect, DueSelect } from '@/components/ui/list-controls';
import type { ArticleListQuery } from '@/lib/validation/staff-lists';

export const articleStateLabels: Record<string, string> = {
  DRAFT: 'Not published',
  PUBLISHED: 'Published',
  RETRACTED: 'Retracted',
};

/** The dashboard's search, filters and sort as one GET form: every choice lands in the address, and it works without scripts. */
export function ArticleFilters({ query, staff }: { query: ArticleListQuery; staff: { id: string; name: string }[] }) {
  return (
    <form
      method="get"
      action="/dashboard"
      className="filters list-filters"
      role="search"
      aria-label="Search and filter articles"
    >
      <label htmlFor="articles-q">Title</label>
      <input id="articles-q" type="search" name="q" defaultValue={query.q ?? ''} maxLength={200} />
      <label htmlFor="articles-state">State</label>
      <select id="articles-state" name="state" defaultValue={query.state ?? ''}>
        <option value="">Any state</option>
        {Object.entries(articleStateLabels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <label htmlFor="articles-assignee">Assigned to</label>
      <select id="articles-assignee" name="assignee" defaultValue={query.assignee ?? ''}>
        <option value="">Anyone</option>
        <option value="me">Me</option>
        <option value="none">Nobody</option>
        {staff.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
      <DueSelect id="articles-due" value={query.due} />
      <label htmlFor="articles-sort">Sort by</label>
      <select id="articles-sort" name="sort" defaultValue={query.sort}>
        <option value="updated">Last edited</option>
        <option value="created">Created</option>
        <option value="title">Title</option>
        <option value="due">Due date</option>
      </select>
      <DirSelect id="articles-dir" value={query.dir} />
      <button type="submit" className="tool">
        Apply
      </button>
      <Link href="/dashboard">Clear</Link>
    </form>
  );
}
