import Link from 'next/link';
import { DirSelect, DueSelect } from '@/components/ui/list-controls';
import { Select } from '@/components/ui/select';
import type { ArticleListQuery } from '@/lib/validation/staff-lists';

export const articleStateLabels: Record<string, string> = {
  DRAFT: 'Not published',
  PUBLISHED: 'Published',
  RETRACTED: 'Retracted',
};

const sortOptions = [
  { value: 'updated', label: 'Last edited' },
  { value: 'created', label: 'Created' },
  { value: 'title', label: 'Title' },
  { value: 'due', label: 'Due date' },
] as const;

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
      <Select
        id="articles-state"
        label="State"
        name="state"
        options={[
          { value: '', label: 'Any state' },
          ...Object.entries(articleStateLabels).map(([value, label]) => ({ value, label })),
        ]}
        defaultValue={query.state ?? ''}
      />
      <Select
        id="articles-assignee"
        label="Assigned to"
        name="assignee"
        options={[
          { value: '', label: 'Anyone' },
          { value: 'me', label: 'Me' },
          { value: 'none', label: 'Nobody' },
          ...staff.map((u) => ({ value: u.id, label: u.name })),
        ]}
        defaultValue={query.assignee ?? ''}
      />
      <DueSelect id="articles-due" value={query.due} />
      <Select id="articles-sort" label="Sort by" name="sort" options={sortOptions} defaultValue={query.sort} />
      <DirSelect id="articles-dir" value={query.dir} />
      <button type="submit" className="tool">
        Apply
      </button>
      <Link href="/dashboard">Clear</Link>
    </form>
  );
}
