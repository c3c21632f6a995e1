'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { LocalTime } from '@/components/ui/local-time';
import type { ClaimDetailDto } from '@/lib/validation/verdicts';

interface Comment {
  id: string;
  body: string;
  author: { name: string } | null;
  resolved: boolean;
  createdAt: string;
}

/** The reviewer's last word and the claim's discussion, read and answered in the claim panel. */
export function ClaimDiscussion({ claim }: { claim: ClaimDetailDto }) {
  const t = useTranslations('claimReview');
  const [comments, setComments] = useState<Comment[] | null>(null);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<{ status: 'idle' | 'ok' | 'error'; message?: string }>({ status: 'idle' });
  const [busy, setBusy] = useState(false);

  // Read again when the claim changes: a review or a comment by someone else moves its version on.
  useEffect(() => {
    let cancelled = false;
    void fetch(`/api/v1/claims/${claim.id}/comments`).then(async (r) => {
      if (!cancelled && r.ok) setComments(((await r.json()) as { items: Comment[] }).items);
    });
    return () => {
      cancelled = true;
    };
  }, [claim.id, claim.version]);

  const post = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const response = await fetch(`/api/v1/claims/${claim.id}/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ body }),
      });
      if (!response.ok) {
        const problem = (await response.json().catch(() => ({}))) as {
          detail?: string;
          errors?: { path: string; message: string }[];
        };
        setError(problem.errors?.find((e) => e.path === 'body')?.message);
        setOutcome({ status: 'error', message: problem.detail ?? `Not posted (${response.status}).` });
        return;
      }
      const added = (await response.json()) as Comment;
      setComments((cs) => [...(cs ?? []), added]);
      setBody('');
      setError(undefined);
      setOutcome({ status: 'ok', message: 'Comment posted.' });
    } catch {
      setOutcome({ status: 'error', message: 'Offline: the comment was not posted; try again.' });
    } finally {
      setBusy(false);
    }
  };

  const review = claim.lastReview;
  return (
    <section className="claim-discussion" aria-labelledby="claim-discussion-heading">
      <h3 id="claim-discussion-heading">Review and discussion</h3>
      {review?.comment && (
        <blockquote className="review-comment">
          <p>
            <strong>{review.reviewer ?? 'A reviewer'}</strong>{' '}
            {t('decided', { decision: review.decision, version: review.claimVersion })} ·{' '}
            <LocalTime iso={review.createdAt} mode="relative" />
          </p>
          <p>{review.comment}</p>
        </blockquote>
      )}
      {comments === null ? (
        <p className="field-hint">Loading the discussion…</p>
      ) : comments.length === 0 ? (
        <p className="field-hint">No comments yet.</p>
      ) : (
        <ol className="comments" aria-label="Comments, oldest first">
          {comments.map((c) => (
            <li key={c.id} className={c.resolved ? 'resolved' : undefined}>
              <p>
                <strong>{c.author?.name ?? 'Someone'}</strong>{' '}
                <span className="meta">
                  <LocalTime iso={c.createdAt} mode="relative" />
                  {c.resolved ? ' · resolved' : ''}
                </span>
              </p>
              <p>{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form className="form" onSubmit={(e) => void post(e)} noValidate>
        <TextAreaField
          label="Add a comment"
          name="body"
          id="claim-comment"
          rows={2}
          value={body}
          error={error}
          onChange={(e) => setBody(e.target.value)}
        />
        <FormMessage status={outcome.status} message={outcome.message} />
        <div className="step-buttons">
          <Button variant="secondary" type="submit" disabled={busy}>
            Post comment
          </Button>
        </div>
      </form>
    </section>
  );
}
