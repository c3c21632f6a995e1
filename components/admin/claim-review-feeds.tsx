'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { LocalTime } from '@/components/ui/local-time';
import { addFeedAction, feedRowAction } from '@/lib/actions/claim-review-feeds';
import type { FormState } from '@/lib/validation/form-state';
import type { ClaimReviewFeedDto } from '@/lib/validation/claim-reviews';
import { Button } from '@/components/ui/button';
import { ConfirmForm } from '@/components/ui/dialog';
import { useToastingAction } from '@/components/ui/toast';

const initial: FormState = { status: 'idle' };

function LastRun({ feed }: { feed: ClaimReviewFeedDto }) {
  if (!feed.lastRunAt) return <>Not run yet</>;
  const r = feed.lastResult;
  const outcome = feed.lastError
    ? `: failed — ${feed.lastError}`
    : r
      ? `: ${r.imported} imported, ${r.updated} updated, ${r.skipped} unchanged, ${r.errors} errors${r.pages > 1 ? ` from ${r.pages} pages` : ''}`
      : '';
  return (
    <>
      <LocalTime iso={feed.lastRunAt} mode="relative" />
      {outcome}
    </>
  );
}

export function FeedRow({ feed }: { feed: ClaimReviewFeedDto }) {
  const [state, action, pending] = useActionState(useToastingAction(feedRowAction), initial);
  return (
    <li>
      <ConfirmForm
        action={action}
        aria-label={`Feed ${feed.url}`}
        confirmation={(submitter) =>
          submitter?.getAttribute('value') === 'remove'
            ? {
                title: 'Remove this feed?',
                description: `${feed.url} is no longer imported. The ${feed.claims === 1 ? 'claim' : 'claims'} it imported stay.`,
                confirmLabel: 'Remove feed',
              }
            : null
        }
      >
        <input type="hidden" name="id" value={feed.id} />
        <a href={feed.url} rel="noopener noreferrer" target="_blank">
          {feed.url}
        </a>
        <br />
        <span className="meta">
          Last run: <LastRun feed={feed} /> · {feed.claims === 1 ? '1 claim' : `${feed.claims} claims`} imported from it
        </span>
        <div className="step-buttons">
          <Button type="submit" name="intent" value="refresh" disabled={pending}>
            Refresh now
          </Button>
          <Button type="submit" name="intent" value="remove" variant="tool" disabled={pending}>
            Remove
          </Button>
        </div>
        {pending ? (
          <p role="status">Working…</p>
        ) : (
          state.status === 'error' && <FormMessage status={state.status} message={state.message} />
        )}
      </ConfirmForm>
    </li>
  );
}

export function AddFeedForm() {
  const [state, action, pending] = useActionState(useToastingAction(addFeedAction), initial);
  return (
    <form action={action} className="form narrow" noValidate>
      {state.status === 'error' && <FormMessage status={state.status} message={state.message} />}
      <Field
        label="Feed or page address"
        name="url"
        id="new-feed-url"
        hint="A ClaimReview JSON-LD file or DataFeed, or a page embedding ClaimReview JSON-LD (public addresses only)."
        defaultValue={state.status === 'error' ? state.values?.url : ''}
        error={state.fieldErrors?.url}
      />
      <Button type="submit" disabled={pending}>
        Add feed
      </Button>
    </form>
  );
}
