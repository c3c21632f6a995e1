import type { JSONContent } from '@tiptap/core';
import { renderToReactElement } from '@tiptap/static-renderer/pm/react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CommentForm } from '@/components/review/comment-form';
import { ReviewForm } from '@/components/review/review-form';
import { ReviewShortcuts } from '@/components/review/review-shortcuts';
import { LocalTime } from '@/components/ui/local-time';
import { permissions } from '@/lib/auth/permissions';
import { listSameClaims } from '@/lib/data/claim-memory/list-same-claims';
import { requirePageActor } from '@/lib/data/sessions/get-actor';
import { listComments } from '@/lib/data/reviews/list-comments';
import { getReviewView } from '@/lib/data/reviews/get-review-view';
import { listReviewQueue, WHOLE_QUEUE } from '@/lib/data/reviews/list-review-queue';
import { explanationExtensions } from '@/lib/editor/extensions';
import { renderSourceItems } from '@/lib/publishing/render-reader';
import { nextInQueue } from '@/lib/review/next-in-queue';
import type { FieldChange } from '@/lib/review/reviewed-content';
import { sourceKindLabels } from '@/lib/validation/verdicts';
import { AppError } from '@/lib/errors';
import { resolveCommentAction } from '@/lib/actions/reviews';
import { Button } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Review a claim' };

const orDash = (value: string | null | undefined) => (value ? value : '—');

function DiffText({ parts }: { parts: FieldChange['parts'] }) {
  return (
    <p className="diff-text">
      {parts.map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === 'added' ? (
          <ins key={i}>
            <span className="visually-hidden">[added: </span>
            {p.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : (
          <del key={i}>
            <span className="visually-hidden">[removed: </span>
            {p.text}
            <span className="visually-hidden">]</span>
          </del>
        ),
      )}
    </p>
  );
}

type Props = { params: Promise<{ claimId: string }>; searchParams: Promise<{ done?: string }> };

export default async function ReviewClaimPage({ params, searchParams }: Props) {
  const { claimId } = await params;
  const { done } = await searchParams;
  const actor = await requirePageActor(`/review/${claimId}`);
  const view = await getReviewView(actor, claimId).catch((err: unknown) => {
    if (err instanceof AppError && err.status === 404) notFound();
    throw err;
  });
  const canReview = permissions.reviewClaims(actor);
  const [t, comments, sameClaims, queue] = await Promise.all([
    getTranslations(),
    listComments(actor, claimId),
    listSameClaims(actor, claimId),
    canReview ? listReviewQueue(actor, {}, WHOLE_QUEUE) : null,
  ]);
  const { claim, content } = view;
  const nextId = queue ? nextInQueue(queue.items, claim.id) : null;
  const refusal =
    claim.status !== 'IN_REVIEW'
      ? t('claimReview.notInReview', { state: t(`claimStatePhrase.${claim.status}`) })
      : view.refusal;
  return (
    <>
      <p>
        <Link href="/review">← Review queue</Link>
      </p>
      {done && (
        <p role="status" className="form-ok">
          {t('claimReview.done', { done })} This is the next claim in the queue.
        </p>
      )}
      <h1>Review a claim</h1>
      <p className="meta">
        In “{view.articleTitle}” · state: <strong>{t(`claimStateWord.${claim.status}`)}</strong> · version{' '}
        {claim.version}
      </p>
      {canReview && <ReviewShortcuts nextHref={nextId ? `/review/${nextId}` : null} canDecide={refusal === null} />}
      <div className="review-layout">
        <div className="review-side">
          <section aria-labelledby="context-heading">
            <h2 id="context-heading">In the article</h2>
            {claim.detached || view.paragraph.words !== content.quote ? (
              <p className="notice">
                This claim is detached from the article’s text; its words were: “{content.quote}”. It cannot be reviewed
                until it is attached again.
              </p>
            ) : (
              <blockquote className="context">
                {view.paragraph.before}
                <mark className="claim" data-claim-id={claim.id}>
                  {view.paragraph.words}
                </mark>
                {view.paragraph.after}
              </blockquote>
            )}
          </section>
          <section aria-labelledby="changes-heading">
            <h2 id="changes-heading">Changes since the last review</h2>
            {view.changes === null ? (
              <p>This claim has not been reviewed before.</p>
            ) : view.changes.length === 0 ? (
              <p>Nothing changed since the last review.</p>
            ) : (
              <table className="table diff">
                <caption className="visually-hidden">Fields changed since the last review, word by word</caption>
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Changes</th>
                  </tr>
                </thead>
                <tbody>
                  {view.changes.map((c) => (
                    <tr key={c.field}>
                      <th scope="row">{c.label}</th>
                      <td>
                        <DiffText parts={c.parts} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {view.lastReview && (
              <p className="meta">
                {t('claimReview.lastReview', {
                  decision: t(`claimStateWord.${view.lastReview.decision}`),
                  reviewer: view.lastReview.reviewer ?? 'someone',
                  version: view.lastReview.claimVersion,
                })}
                {view.lastReview.comment ? ` — “${view.lastReview.comment}”` : ''}
              </p>
            )}
          </section>
          {canReview ? (
            <ReviewForm claimId={claim.id} claimVersion={claim.version} refusal={refusal} nextId={nextId} />
          ) : null}
        </div>
        <section aria-labelledby="verdict-heading">
          <h2 id="verdict-heading">What will be published</h2>
          <dl className="claim-facts">
            <dt>Claim as stated</dt>
            <dd>{orDash(content.statedClaim)}</dd>
            <dt>Short form (for search engines)</dt>
            <dd>
              {content.claimReviewed ? (
                content.claimReviewed
              ) : (
                <>
                  — <span className="meta">(the first 75 characters of the words will be used)</span>
                </>
              )}
            </dd>
            <dt>Claimant</dt>
            <dd>{orDash(content.claimant)}</dd>
            <dt>Claimant’s role</dt>
            <dd>{orDash(content.claimantRole)}</dd>
            <dt>When it was said</dt>
            <dd>{content.claimDate ? <LocalTime iso={content.claimDate} mode="date" /> : '—'}</dd>
            <dt>Where it was said</dt>
            <dd>
              {content.appearanceUrl ? (
                <a href={content.appearanceUrl} target="_blank" rel="noopener noreferrer nofollow">
                  {content.appearanceUrl}
                </a>
              ) : (
                '—'
              )}
            </dd>
            <dt>Rating</dt>
            <dd>
              {view.rating ? (
                <>
                  <span className="rating-chip" style={{ backgroundColor: view.rating.colour }}>
                    {view.rating.label}
                  </span>
                  {view.rating.value !== null && (
                    <span className="meta" data-testid="rating-value">
                      {' '}
                      value {view.rating.value} in the structured data
                    </span>
                  )}
                  {view.rating.description && <span className="field-hint"> {view.rating.description}</span>}
                </>
              ) : (
                '—'
              )}
            </dd>
            <dt>Short verdict</dt>
            <dd>{orDash(content.shortVerdict)}</dd>
          </dl>
          <h3>Explanation</h3>
          <div className="explanation">
            {content.explanation ? (
              renderToReactElement({ content: content.explanation as JSONContent, extensions: explanationExtensions })
            ) : (
              <p>—</p>
            )}
          </div>
          <h3>Sources</h3>
          {content.sources.length === 0 ? (
            <p>—</p>
          ) : (
            <ol
              className="sources published-sources"
              aria-label="Sources as published"
              dangerouslySetInnerHTML={{ __html: renderSourceItems(claim.id, content.sources) }}
            />
          )}
          <details className="source-details">
            <summary>Every field of the sources</summary>
            <ol>
              {content.sources.map((s, i) => (
                <li key={i}>
                  <dl className="source-facts">
                    <dt>Title</dt>
                    <dd>{s.title}</dd>
                    <dt>Address</dt>
                    <dd>
                      <a href={s.url} target="_blank" rel="noopener noreferrer nofollow">
                        {s.url}
                      </a>{' '}
                      <span className="meta">(opens in a new tab)</span>
                    </dd>
                    <dt>Kind</dt>
                    <dd>{sourceKindLabels[s.kind]}</dd>
                    <dt>Publisher</dt>
                    <dd>{orDash(s.publisher)}</dd>
                  </dl>
                </li>
              ))}
            </ol>
          </details>
        </section>
      </div>
      {sameClaims.length > 0 && (
        <section aria-labelledby="same-claims-heading">
          <h2 id="same-claims-heading">Same claim as</h2>
          <ul>
            {sameClaims.map((c) => (
              <li key={c.id}>
                <Link href={`/review/${c.id}`}>“{c.claimReviewed || c.exact}”</Link> in “{c.articleTitle}” ·{' '}
                {c.ratingLabel ?? 'no rating yet'} · {c.status.replace('_', ' ').toLowerCase()}
                {c.publicUrl && (
                  <>
                    {' · '}
                    <a href={c.publicUrl}>published fact-check</a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">Discussion</h2>
        {comments.items.length === 0 ? (
          <p>No comments yet.</p>
        ) : (
          <ol className="comments">
            {comments.items.map((c) => (
              <li key={c.id} className={c.resolved ? 'resolved' : undefined}>
                <p>
                  <strong>{c.author?.name ?? 'Someone'}</strong>{' '}
                  <span className="meta">
                    <LocalTime iso={new Date(c.createdAt).toISOString()} mode="relative" />
                    {c.resolved ? ' · resolved' : ''}
                  </span>
                </p>
                <p>{c.body}</p>
                <form action={resolveCommentAction}>
                  <input type="hidden" name="id" value={c.id} />
                  <input type="hidden" name="claimId" value={claim.id} />
                  <input type="hidden" name="resolved" value={c.resolved ? 'false' : 'true'} />
                  <Button type="submit" variant="tool">
                    {c.resolved ? 'Reopen' : 'Resolve'}
                  </Button>
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
