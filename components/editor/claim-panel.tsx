'use client';

import type { JSONContent } from '@tiptap/core';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { FieldShell } from '@/components/ui/field';
import type { RatingDto } from '@/lib/validation/ratings';
import type { ClaimDetailDto } from '@/lib/validation/verdicts';
import { ClaimDiscussion } from './claim-discussion';
import { ExplanationEditor } from './explanation-editor';
import { SimilarClaims } from './similar-claims';
import { SourcesEditor } from './sources-editor';
import { useClaimDetail } from './use-claim-detail';

function Counted({
  id,
  label,
  value,
  max,
  error,
  onChange,
  multiline,
}: {
  id: string;
  label: string;
  value: string;
  max: number;
  error?: string;
  onChange: (v: string) => void;
  multiline?: boolean;
}) {
  return (
    <FieldShell id={id} label={label} error={error} count={{ length: value.length, max }}>
      {(control) =>
        multiline ? (
          <textarea rows={3} value={value} onChange={(e) => onChange(e.target.value)} {...control} />
        ) : (
          <input value={value} onChange={(e) => onChange(e.target.value)} {...control} />
        )
      }
    </FieldShell>
  );
}

/** The PATCH body of the panel's fields, based on the version the panel shows. */
function changesOf(baseVersion: number, values: Record<string, string>, explanation: JSONContent | null) {
  return {
    baseVersion,
    statedClaim: values.statedClaim,
    claimReviewed: values.claimReviewed,
    claimant: values.claimant || null,
    claimantRole: values.claimantRole || null,
    claimDate: values.claimDate || null,
    appearanceUrl: values.appearanceUrl || null,
    rating: values.rating || null,
    shortVerdict: values.shortVerdict,
    ...(explanation ? { explanation } : {}),
  };
}

export function ClaimPanel({
  claimId,
  ratings,
  onChanged,
  onClose,
}: {
  claimId: string;
  ratings: RatingDto[];
  onChanged: (c: ClaimDetailDto) => void;
  onClose: () => void;
}) {
  const { claim, errors, message, busy, send } = useClaimDetail(claimId, onChanged);
  const [draft, setDraft] = useState<Record<string, string> | null>(null);
  const explanation = useRef<JSONContent | null>(null);
  const panel = useRef<HTMLElement>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const isLoaded = claim !== null;
  // Opening the panel takes the keyboard there: its heading, without scrolling the article away from the claim.
  useEffect(() => {
    if (isLoaded) heading.current?.focus({ preventScroll: true });
  }, [isLoaded]);
  // A refused save or submit is seen where it is: focus moves to the first marked field, else to the message.
  useEffect(() => {
    if (message?.kind !== 'error') return;
    const target = panel.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? messageRef.current;
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  }, [message, errors]);
  // Leaving the panel another way (the browser's Back) still keeps what was typed: the draft is saved on the way out.
  const leaving = useRef<() => void>(() => {});
  useEffect(() => () => leaving.current(), [leaving]);
  // So does leaving the page itself (a reload, a link, closing the tab), where React unmounts nothing.
  useEffect(() => {
    const onHide = () => {
      leaving.current();
      leaving.current = () => {};
    };
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, []);
  useEffect(() => {
    if (!claim || draft === null) {
      leaving.current = () => {};
      return;
    }
    const body = JSON.stringify(changesOf(claim.version, draft, explanation.current));
    leaving.current = () =>
      void fetch(`/api/v1/claims/${claimId}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body,
        keepalive: true,
      }).then(async (r) => {
        if (r.ok) onChanged((await r.json()) as ClaimDetailDto);
      });
  });
  if (!claim) return <p role="status">Loading the claim…</p>;

  const values = draft ?? {
    statedClaim: claim.statedClaim,
    claimReviewed: claim.claimReviewed,
    claimant: claim.claimant ?? '',
    claimantRole: claim.claimantRole ?? '',
    claimDate: claim.claimDate?.slice(0, 10) ?? '',
    appearanceUrl: claim.appearanceUrl ?? '',
    rating: claim.rating?.id ?? '',
    shortVerdict: claim.shortVerdict ?? '',
  };
  const set = (field: string) => (value: string) => setDraft({ ...values, [field]: value });
  const usable = ratings.filter((r) => r.active || r.id === claim.rating?.id);

  const changes = () => changesOf(claim.version, values, explanation.current);

  const saveDraft = async (): Promise<boolean> => {
    const ok = await send('PATCH', `/api/v1/claims/${claimId}`, changes(), 'Claim saved.');
    if (ok) {
      setDraft(null);
      explanation.current = null;
    }
    return ok;
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    await saveDraft();
  };

  // "Back to all claims" with unsaved changes saves them first, and stays open when they are refused.
  const close = async () => {
    if (draft !== null && !(await saveDraft())) return;
    leaving.current = () => {};
    onClose();
  };

  const field = (name: string, label: string, type = 'text') => (
    <FieldShell id={`claim-${name}`} label={label} error={errors[name]}>
      {(control) => (
        <input type={type} value={values[name] ?? ''} onChange={(e) => set(name)(e.target.value)} {...control} />
      )}
    </FieldShell>
  );

  // Escape closes the panel as "Back to all claims" does, unless a dialog or menu inside it took the key first.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented || busy) return;
    event.preventDefault();
    void close();
  };

  return (
    <section className="claim-panel" aria-labelledby="claim-panel-heading" ref={panel} onKeyDown={onKeyDown}>
      <div className="panel-head">
        <h2 id="claim-panel-heading" tabIndex={-1} ref={heading}>
          Claim
        </h2>
        <button
          type="button"
          className="tool"
          disabled={busy}
          onClick={() => void close()}
          aria-describedby={draft !== null ? 'claim-back-hint' : undefined}
          aria-keyshortcuts="Escape"
          title="Escape"
        >
          Back to all claims
        </button>
      </div>
      {draft !== null && (
        <p className="field-hint" id="claim-back-hint">
          Unsaved changes: going back saves them.
        </p>
      )}
      <p className="meta">
        <a href={`/articles/${claim.articleId}/history?claim=${claim.id}`}>History of this claim</a> ·{' '}
        <a href={`/review/${claim.id}#comments-heading`}>Review comments and discussion</a> · State:{' '}
        <strong data-testid="claim-status">{claim.status.replace('_', ' ').toLowerCase()}</strong> · version{' '}
        {claim.version}
      </p>
      {claim.lastReview && claim.status === 'DRAFT' && claim.lastReview.decision === 'approve' && (
        <p className="notice">
          Back to draft: it was approved by {claim.lastReview.reviewer ?? 'a reviewer'} at version{' '}
          {claim.lastReview.claimVersion} and has changed since. Submit it again for review.
        </p>
      )}
      {claim.lastReview && claim.status === 'CHANGES_REQUESTED' && (
        <p className="notice">
          {claim.lastReview.reviewer ?? 'A reviewer'} asked for changes: “{claim.lastReview.comment}”{' '}
          <a href="#claim-discussion-heading">Read and answer below</a>
        </p>
      )}
      {message && (
        <p
          ref={messageRef}
          tabIndex={-1}
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'form-error' : 'form-ok'}
        >
          {message.text}
        </p>
      )}
      <form onSubmit={(e) => void save(e)} className="form claim-form" noValidate>
        <section className="claim-section" aria-labelledby="claim-section-claim">
          <h3 id="claim-section-claim">The claim</h3>
          <p className="claim-quote">“{claim.quote.exact}”</p>
          <Counted
            id="claim-statedClaim"
            label="Claim as stated"
            value={values.statedClaim ?? ''}
            max={5000}
            error={errors.statedClaim}
            onChange={set('statedClaim')}
            multiline
          />
          <Counted
            id="claim-claimReviewed"
            label="Short form for search engines"
            value={values.claimReviewed ?? ''}
            max={75}
            error={errors.claimReviewed}
            onChange={set('claimReviewed')}
          />
        </section>
        <section className="claim-section" aria-labelledby="claim-section-who">
          <h3 id="claim-section-who">Who said it</h3>
          <div className="field-pair">
            {field('claimant', 'Claimant')}
            {field('claimantRole', 'Claimant’s role or organisation')}
          </div>
          <div className="field-pair">
            {field('claimDate', 'When it was said', 'date')}
            {field('appearanceUrl', 'Where it was said (URL)', 'url')}
          </div>
        </section>
        <section className="claim-section" aria-labelledby="claim-section-verdict">
          <h3 id="claim-section-verdict">The verdict</h3>
          <FieldShell id="claim-rating" label="Rating" error={errors.rating}>
            {(control) => (
              <select value={values.rating ?? ''} onChange={(e) => set('rating')(e.target.value)} {...control}>
                <option value="">— No rating yet —</option>
                {usable.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.label}
                    {r.active ? '' : ' (no longer in use)'}
                  </option>
                ))}
              </select>
            )}
          </FieldShell>
          <Counted
            id="claim-shortVerdict"
            label="Short verdict"
            value={values.shortVerdict ?? ''}
            max={280}
            error={errors.shortVerdict}
            onChange={set('shortVerdict')}
            multiline
          />
          <ExplanationEditor
            initial={claim.explanation}
            onChange={(doc) => {
              explanation.current = doc;
              setDraft({ ...values });
            }}
          />
          <div className="step-buttons">
            <button type="submit" disabled={busy}>
              Save claim
            </button>
          </div>
        </section>
      </form>
      <SourcesEditor claim={claim} error={errors.sources} send={send} />
      <SimilarClaims claimId={claimId} version={claim.version} canEdit />
      <ClaimDiscussion claim={claim} />
      {claim.status === 'DRAFT' || claim.status === 'CHANGES_REQUESTED' ? (
        <div className="step-buttons claim-submit">
          <button
            type="button"
            disabled={busy || draft !== null}
            onClick={() => void send('POST', `/api/v1/claims/${claimId}/submit`, undefined, 'Submitted for review.')}
          >
            Submit for review
          </button>
          {draft !== null && <span className="field-hint">Save your changes first.</span>}
        </div>
      ) : (
        <p className="meta" data-testid="claim-review-state">
          {claim.status === 'IN_REVIEW'
            ? 'In review: waiting for a reviewer. Changing the verdict takes it back to draft.'
            : 'Approved. Changing the verdict takes it back to draft for a new review.'}
        </p>
      )}
    </section>
  );
}
