import Link from 'next/link';
import { FilterRow } from '@/components/ui/filter-row';
import { dirFilter, dueFilter } from '@/components/ui/list-filters';
import { Button } from '@/components/ui/button';
import type { ArticleListQuery } from '@/lib/validation/staff-lists';
import { TextInput } from '@/components/ui/text-input';

export const articleStateLabels: Record<string, string> = {
  DRAFT: 'Not published',
  PUBLISHED: 'Published',
  RETRACTED: 'Retracted',
};

const stateOptions = [
  { value: '', label: 'Any state' },
  ...Object.entries(articleStateLabels).map(([value, label]) => ({ value, label })),
];

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
      <TextInput id="articles-q" label="Title" type="search" name="q" defaultValue={query.q ?? ''} maxLength={200} />
      <FilterRow
        filters={[
          { id: 'articles-state', name: 'state', label: 'State', options: stateOptions, value: query.state },
          {
            id: 'articles-assignee',
            name: 'assignee',
            label: 'Assigned to',
            options: [
              { value: '', label: 'Anyone' },
              { value: 'me', label: 'Me' },
              { value: 'none', label: 'Nobody' },
              ...staff.map((u) => ({ value: u.id, label: u.name })),
            ],
            value: query.assignee,
          },
          dueFilter('articles-due', query.due),
          { id: 'articles-sort', name: 'sort', label: 'Sort by', options: sortOptions, value: query.sort },
          dirFilter('articles-dir', query.dir),
        ]}
      />
      <Button type="submit" variant="tool">
        Apply
      </Button>
      <Link href="/dashboard">Clear</Link>
    </form>
  );
}
