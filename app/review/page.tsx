import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FilterRow } from '@/components/ui/filter-row';
import { dirFilter, dueFilter } from '@/components/ui/list-filters';
import { LocalTime } from '@/components/ui/local-time';
import { Pagination } from '@/components/ui/pagination';
import { requirePageActor } from '@/lib/data/sessions/get-actor';
import { listReviewQueue } from '@/lib/data/reviews/list-review-queue';
import { firstValues, reviewQueueQuery } from '@/lib/validation/staff-lists';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Button } from '@/components/ui/button';
import { TextInput } from '@/components/ui/text-input';

export const metadata: Metadata = { title: 'Review queue' };

const assigneeOptions = [
  { value: '', label: 'Anyone' },
  { value: 'me', label: 'Assigned to me' },
  { value: 'none', label: 'Not assigned' },
] as const;

const sortOptions = [
  { value: 'submitted', label: 'Submitted' },
  { value: 'due', label: 'Article due date' },
  { value: 'article', label: 'Article' },
] as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewQueuePage({ searchParams }: Props) {
  const actor = await requirePageActor('/review', 'reviewClaims');
  const { done, ...params } = firstValues(await searchParams);
  const query = reviewQueueQuery.parse(params);
  const [t, queue] = await Promise.all([getTranslations('claimReview'), listReviewQueue(actor, query)]);
  const isFiltered = Boolean(query.q || query.article || query.editor || query.assignee || query.due);
  return (
    <>
      <h1>Review queue</h1>
      {done && (
        <p role="status" className="form-ok">
          {t('done', { done })}
        </p>
      )}
      <form className="filters list-filters" method="get" action="/review" role="search" aria-label="Filter the queue">
        <TextInput id="queue-q" label="Words" type="search" name="q" defaultValue={query.q ?? ''} maxLength={200} />
        <FilterRow
          filters={[
            {
              id: 'filter-article',
              name: 'article',
              label: 'Article',
              options: [
                { value: '', label: 'All articles' },
                ...queue.articles.map((a) => ({
                  value: a.id,
                  label: a.title.length > 80 ? `${a.title.slice(0, 79)}…` : a.title,
                })),
              ],
              value: query.article,
            },
            {
              id: 'filter-editor',
              name: 'editor',
              label: 'Editor',
              options: [
                { value: '', label: 'All editors' },
                ...queue.editors.map((u) => ({ value: u.id, label: u.name })),
              ],
              value: query.editor,
            },
            {
              id: 'filter-assignee',
              name: 'assignee',
              label: 'Reviewer',
              options: assigneeOptions,
              value: query.assignee,
            },
            dueFilter('queue-due', query.due),
            { id: 'queue-sort', name: 'sort', label: 'Sort by', options: sortOptions, value: query.sort },
            dirFilter('queue-dir', query.dir),
          ]}
        />
        <Button type="submit" variant="tool">
          Filter
        </Button>
        <Link href="/review">Clear</Link>
      </form>
      <p className="list-count">
        {queue.total === 1 ? '1 claim' : `${queue.total} claims`}
        {isFiltered ? ' match' : ' in review'}
      </p>
      {queue.items.length === 0 ? (
        <EmptyState action={isFiltered ? <Link href="/review">Clear the filters</Link> : undefined}>
          {isFiltered ? 'No claim in review matches these filters.' : 'Nothing is waiting for review.'}
        </EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">Claims in review</caption>
            <thead>
              <tr>
                <th scope="col">Claim</th>
                <th scope="col">Article</th>
                <th scope="col">Editor</th>
                <th scope="col">Rating</th>
                <th scope="col">Due</th>
                <th scope="col">Submitted</th>
              </tr>
            </thead>
            <tbody>
              {queue.items.map((c) => (
                <tr key={c.claimId}>
                  <td>
                    <Link href={`/review/${c.claimId}`} title={c.quote}>
                      “{c.quote.length > 90 ? `${c.quote.slice(0, 87)}…` : c.quote}”
                    </Link>
                    {!c.canApprove && <Badge tone="warning">your own work</Badge>}
                  </td>
                  <td>
                    <span className="truncated-title" title={c.articleTitle}>
                      {c.articleTitle}
                    </span>
                  </td>
                  <td>{c.editor?.name ?? '—'}</td>
                  <td>{c.rating ?? '—'}</td>
                  <td>{c.dueDate ? <LocalTime iso={c.dueDate} mode="date" /> : '—'}</td>
                  <td>
                    <LocalTime iso={c.submittedAt} mode="relative" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        path="/review"
        params={params}
        page={queue.page}
        pageCount={queue.pageCount}
        label="Pages of the queue"
      />
    </>
  );
}
