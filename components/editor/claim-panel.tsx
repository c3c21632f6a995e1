'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, type FormEvent, type KeyboardEvent } from 'react';
import { FieldShell } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import type { RatingDto } from '@/lib/validation/ratings';
import type { ClaimDetailDto } from '@/lib/validation/verdicts';
import { claimState } from './claim-card';
import { ClaimConflict } from './claim-conflict-notice';
import { ClaimDiscussion } from './claim-discussion';
import { ConfirmBackToDraft, LastReviewNotice } from './claim-review-notices';
import { ClaimSaveStatus } from './claim-save-status';
import { ExplanationEditor } from './explanation-editor';
import { SimilarClaims } from './similar-claims';
import { SourcesEditor } from './sources-editor';
import { useClaimDetail } from './use-claim-detail';
import { focusRefusal, useClaimDraft } from './use-claim-draft';

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
  const t = useTranslations();
  const stateLabel = useTranslations('claimStatus');
  const detail = useClaimDetail(claimId, onChanged);
  const { claim, errors, message, busy, send } = detail;
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
    if (message?.kind === 'error') focusRefusal(panel.current, messageRef.current);
  }, [message]);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const draft = useClaimDraft(claimId, detail, ratings, { panel, status: statusRef });
  const { autosave, values, acting, set, errorOf, afterSaving } = draft;
  if (!claim) return <p role="status">Loading the claim…</p>;

  const usable = ratings.filter((r) => r.active || r.id === claim.rating?.id);

  const save = (event: FormEvent) => {
    event.preventDefault();
    void afterSaving(() => detail.say('ok', 'Claim saved.'));
  };

  // "Back to all claims" saves what is not saved yet, and stays open when it is refused.
  const close = () => void afterSaving(onClose);

  const field = (name: string, label: string, type = 'text') => (
    <FieldShell id={`claim-${name}`} label={label} error={errorOf(name)}>
      {(control) => (
        <input type={type} value={values[name] ?? ''} onChange={(e) => set(name, e.target.value)} {...control} />
      )}
    </FieldShell>
  );

  // Escape closes the panel as "Back to all claims" does, unless a dialog or menu inside it took the key first.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented || busy || acting) return;
    event.preventDefault();
    close();
  };

  return (
    <section className="claim-panel" aria-labelledby="claim-panel-heading" ref={panel} onKeyDown={onKeyDown}>
      <div className="panel-head">
        <h2 id="claim-panel-heading" tabIndex={-1} ref={heading}>
          Claim
        </h2>
        <ClaimSaveStatus state={autosave.state} message={autosave.message} ref={statusRef} />
        <Button variant="tool" disabled={busy || acting} onClick={close} aria-keyshortcuts="Escape" title="Escape">
          Back to all claims
        </Button>
      </div>
      {autosave.state === 'conflict' && (
        <ClaimConflict
          message={autosave.message}
          fields={draft.conflictingFields()}
          onOverwrite={() => void draft.overwrite()}
          onDiscard={() => void draft.takeTheirs()}
        />
      )}
      {autosave.mustConfirm && (
        <ConfirmBackToDraft status={claim.status} onKeepEditing={draft.keepEditing} onCancel={draft.cancelEditing} />
      )}
      <p className="meta">
        <a href={`/articles/${claim.articleId}/history?claim=${claim.id}`}>History of this claim</a> ·{' '}
        <a href={`/review/${claim.id}#comments-heading`}>Review comments and discussion</a> · State:{' '}
        <strong data-testid="claim-status">{stateLabel(claimState(claim))}</strong> · version {claim.version}
      </p>
      <LastReviewNotice claim={claim} />
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
      <form onSubmit={save} {...draft.formProps} className="form claim-form" noValidate>
        <section className="claim-section" aria-labelledby="claim-section-claim">
          <h3 id="claim-section-claim">The claim</h3>
          <p className="claim-quote">“{claim.quote.exact}”</p>
          <Counted
            id="claim-statedClaim"
            label="Claim as stated"
            value={values.statedClaim ?? ''}
            max={5000}
            error={errorOf('statedClaim')}
            onChange={(v) => set('statedClaim', v)}
            multiline
          />
          <Counted
            id="claim-claimReviewed"
            label="Short form for search engines"
            value={values.claimReviewed ?? ''}
            max={75}
            error={errorOf('claimReviewed')}
            onChange={(v) => set('claimReviewed', v)}
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
          <FieldShell id="claim-rating" label="Rating" error={errorOf('rating')}>
            {(control) => (
              <select value={values.rating ?? ''} onChange={(e) => set('rating', e.target.value)} {...control}>
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
            error={errorOf('shortVerdict')}
            onChange={(v) => set('shortVerdict', v)}
            multiline
          />
          <ExplanationEditor
            key={draft.explanationKey}
            initial={claim.explanation}
            error={errorOf('explanation')}
            onChange={draft.setExplanation}
          />
          <div className="step-buttons">
            <Button type="submit" disabled={busy || acting}>
              Save claim
            </Button>
          </div>
        </section>
      </form>
      <SourcesEditor claim={claim} error={errors.sources} send={send} />
      <SimilarClaims
        claimId={claimId}
        words={`${claim.quote.exact}\n${claim.statedClaim}\n${claim.claimReviewed}`}
        canEdit
      />
      <ClaimDiscussion claim={claim} />
      {claim.status === 'DRAFT' || claim.status === 'CHANGES_REQUESTED' ? (
        <div className="step-buttons claim-submit">
          <Button
            disabled={busy || acting}
            onClick={() =>
              void afterSaving(() =>
                send('POST', `/api/v1/claims/${claimId}/submit`, undefined, 'Submitted for review.'),
              )
            }
          >
            Submit for review
          </Button>
        </div>
      ) : (
        <p className="meta" data-testid="claim-review-state">
          {t(claim.status === 'IN_REVIEW' ? 'claimReview.waitingForReview' : 'claimReview.approvedEditable')}
        </p>
      )}
    </section>
  );
}
