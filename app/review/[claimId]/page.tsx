import type { JSONContent } from '@tiptap/core';
import { renderToReactElement } from '@tiptap/static-renderer/pm/react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CommentForm } from '@/components/review/comment-form';
import { ReviewForm } from '@/components/review/review-form';
import { requirePageActor } from '@/lib/auth/session';
import { listComments } from '@/lib/data/comments';
import { getReviewView } from '@/lib/data/reviews';
import { explanationExtensions } from '@/lib/editor/extensions';
import { AppError } from '@/lib/errors';
import { resolveCommentAction } from '../actions';

export const metadata: Metadata = { title: 'Review a claim' };

const fieldNames: Record<string, string> = {
  words: 'Words in the article',
  statedClaim: 'Claim as stated',
  claimReviewed: 'Short form',
  claimant: 'Claimant',
  claimDate: 'Date',
  appearanceUrl: 'Where it was said',
  rating: 'Rating',
  shortVerdict: 'Short verdict',
  explanation: 'Explanation',
  sources: 'Sources',
};

type Props = { params: Promise<{ claimId: string }> };

export default async function ReviewClaimPage({ params }: Props) {
  const { claimId } = await params;
  const actor = await requirePageActor(`/review/${claimId}`);
  const view = await getReviewView(actor, claimId).catch((err: unknown) => {
    if (err instanceof AppError && err.status === 404) notFound();
    throw err;
  });
  const comments = await listComments(actor, claimId);
  const { claim } = view;
  return (
    <>
      <p>
        <Link href="/review">← Review queue</Link>
      </p>
      <h1>Review a claim</h1>
      <p className="meta">
        In “{view.articleTitle}” · state: <strong>{claim.status.replace('_', ' ').toLowerCase()}</strong> · version {claim.version}
      </p>
      <section aria-labelledby="context-heading">
        <h2 id="context-heading">In the article</h2>
        <blockquote className="context">
          {view.paragraph.before}
          <mark className="claim" data-claim-id={claim.id}>
            {view.paragraph.words}
          </mark>
          {view.paragraph.after}
        </blockquote>
      </section>
      <section aria-labelledby="verdict-heading">
        <h2 id="verdict-heading">Verdict</h2>
        <dl className="claim-facts">
          <dt>Claimant</dt>
          <dd>{[claim.claimant, claim.claimantRole].filter(Boolean).join(', ') || '—'}</dd>
          <dt>Rating</dt>
          <dd>
            {claim.rating ? (
              <span className="rating-chip" style={{ backgroundColor: claim.rating.colour }}>
                {claim.rating.label}
              </span>
            ) : (
              '—'
            )}
          </dd>
          <dt>Short verdict</dt>
          <dd>{claim.shortVerdict ?? '—'}</dd>
        </dl>
        <h3>Explanation</h3>
        <div className="explanation">{claim.explanation ? renderToReactElement({ content: claim.explanation as JSONContent, extensions: explanationExtensions }) : <p>—</p>}</div>
        <h3>Sources</h3>
        <ol>
          {claim.sources.map((s) => (
            <li key={s.id}>
              <a href={s.url} target="_blank" rel="noopener noreferrer nofollow">
                {s.title}
              </a>{' '}
              <span className="meta">({s.kind}{s.publisher ? `, ${s.publisher}` : ''}; opens in a new tab)</span>
              {s.excerpt && <blockquote className="excerpt">{s.excerpt}</blockquote>}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="changes-heading">
        <h2 id="changes-heading">Changes since the last review</h2>
        {view.changes === null ? (
          <p>This claim has not been reviewed before.</p>
        ) : view.changes.length === 0 ? (
          <p>Nothing changed since the last review.</p>
        ) : (
          <table className="table diff">
            <caption className="visually-hidden">Fields changed since the last review</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Before</th>
                <th scope="col">Now</th>
              </tr>
            </thead>
            <tbody>
              {view.changes.map((c) => (
                <tr key={c.field}>
                  <th scope="row">{fieldNames[c.field] ?? c.field}</th>
                  <td>
                    <del>{c.before || '(empty)'}</del>
                  </td>
                  <td>
                    <ins>{c.after || '(empty)'}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {view.lastReview && (
          <p className="meta">
            Last review: {view.lastReview.decision === 'APPROVED' ? 'approved' : 'changes requested'} by {view.lastReview.reviewer ?? 'someone'}
            {view.lastReview.comment ? ` — “${view.lastReview.comment}”` : ''}
          </p>
        )}
      </section>
      {view.canReview ? (
        <ReviewForm claimId={claim.id} />
      ) : claim.status === 'IN_REVIEW' ? (
        <p className="notice">You wrote or last changed this verdict, or you are not a reviewer: another reviewer must review it.</p>
      ) : null}
      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">Discussion</h2>
        {comments.items.length === 0 ? (
          <p>No comments yet.</p>
        ) : (
          <ol className="comments">
            {comments.items.map((c) => (
              <li key={c.id} className={c.resolved ? 'resolved' : undefined}>
                <p>
                  <strong>{c.author?.name ?? 'Someone'}</strong> <span className="meta">{new Date(c.createdAt).toLocaleString('en-GB', { timeZone: 'UTC' })} UTC{c.resolved ? ' · resolved' : ''}</span>
                </p>
                <p>{c.body}</p>
                <form action={resolveCommentAction}>
                  <input type="hidden" name="id" value={c.id} />
                  <input type="hidden" name="claimId" value={claim.id} />
                  <input type="hidden" name="resolved" value={c.resolved ? 'false' : 'true'} />
                  <button type="submit" className="tool">
                    {c.resolved ? 'Reopen' : 'Resolve'}
                  </button>
                </form>
              </li>
            ))}
          </ol>
        )}
        <CommentForm claimId={claim.id} />
      </section>
    </>
  );
}
