import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AuditTimeline } from '@/components/audit/audit-timeline';
import { requirePageActor } from '@/lib/data/sessions/get-actor';
import { listStaff } from '@/lib/data/users/list-staff';
import { articleHistory } from '@/lib/data/audit/get-article-history';
import { listRatings } from '@/lib/data/ratings/list-ratings';
import { AppError } from '@/lib/errors';

export const metadata: Metadata = { title: 'Article history' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ claim?: string }> };

export default async function ArticleHistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { claim } = await searchParams;
  const actor = await requirePageActor(`/articles/${id}/history`);
  const history = await articleHistory(actor, id).catch((err: unknown) => {
    if (err instanceof AppError && err.status === 404) notFound();
    throw err;
  });
  const [ratings, staff] = await Promise.all([listRatings(), listStaff(actor)]);
  const names = {
    ratings: new Map(ratings.items.map((r) => [r.id, r.label])),
    people: new Map(staff.map((u) => [u.id, u.name])),
  };
  return (
    <>
      <p>
        <Link href={`/articles/${id}`}>← Back to the article</Link>
      </p>
      <h1>{claim ? 'History of a claim' : 'History'}</h1>
      <p>
        {claim ? (
          <>
            The claim’s events: its words, verdict, sources, reviews and comments, oldest first.{' '}
            <Link href={`/articles/${id}/history`}>The whole article</Link>
          </>
        ) : (
          'The article’s events and those of its claims, verdicts, sources, reviews and comments, oldest first.'
        )}
      </p>
      <AuditTimeline
        entries={claim ? history.items.filter((e) => e.entityType === 'Claim' && e.entityId === claim) : history.items}
        label="Events, oldest first"
        names={names}
        entityHref={
          claim ? undefined : (e) => (e.entityType === 'Claim' ? `/articles/${id}/history?claim=${e.entityId}` : null)
        }
      />
    </>
  );
}
