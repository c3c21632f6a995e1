'use client';

import type { JSONContent } from '@tiptap/core';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type FocusEvent, type FormEvent, type KeyboardEvent } from 'react';
import { FieldShell } from '@/components/ui/field';
import type { RatingDto } from '@/lib/validation/ratings';
import type { ClaimDetailDto } from '@/lib/validation/verdicts';
import { claimState } from './claim-card';
import { ClaimDiscussion } from './claim-discussion';
import { ClaimConflict, ClaimSaveStatus, type ConflictingField } from './claim-save-status';
import { ExplanationEditor } from './explanation-editor';
import { SimilarClaims } from './similar-claims';
import { SourcesEditor } from './sources-editor';
import { useClaimAutosave, type ClaimConflictVersions } from './use-claim-autosave';
import { useClaimDetail } from './use-claim-detail';
import { guardOpenClaim } from './use-open-claim';

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

type Values = Record<string, string>;

/** Each field's label, for a refusal named in the save status. */
const fieldLabels: Record<string, string> = {
  statedClaim: 'Claim as stated',
  claimReviewed: 'Short form for search engines',
  claimant: 'Claimant',
  claimantRole: 'Claimant’s role or organisation',
  claimDate: 'When it was said',
  appearanceUrl: 'Where it was said (URL)',
  rating: 'Rating',
  shortVerdict: 'Short verdict',
  explanation: 'Explanation',
};

/** The panel's fields as the claim has them. */
function valuesOf(claim: ClaimDetailDto): Values {
  return {
    statedClaim: claim.statedClaim,
    claimReviewed: claim.claimReviewed,
    claimant: claim.claimant ?? '',
    claimantRole: claim.claimantRole ?? '',
    claimDate: claim.claimDate?.slice(0, 10) ?? '',
    appearanceUrl: claim.appearanceUrl ?? '',
    rating: claim.rating?.id ?? '',
    shortVerdict: claim.shortVerdict ?? '',
  };
}

/** The PATCH body of the fields named (only those this person changed), without its base version. */
function changesOf(values: Values, explanation: JSONContent | null, fields: string[]) {
  const all: Record<string, unknown> = {
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
  return Object.fromEntries(fields.filter((f) => f in all).map((f) => [f, all[f]]));
}

/** A rich text's words, to show an explanation beside another. */
function textOf(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const { text, content } = node as { text?: unknown; content?: unknown };
  if (typeof text === 'string') return text;
  return Array.isArray(content) ? content.map(textOf).join(content.some((c) => textOf(c)) ? ' ' : '') : '';
}

/** The fields this person changed that the other version changed too: theirs beside this person's. */
function conflictingFields(
  { base, theirs }: ClaimConflictVersions,
  fields: string[],
  mine: Values,
  explanation: JSONContent | null,
  ratingLabel: (id: string) => string,
): ConflictingField[] {
  if (!theirs) return [];
  const before = valuesOf(base);
  const after = valuesOf(theirs);
  const shown = (name: string, value: string) => (name === 'rating' && value ? ratingLabel(value) : value);
  return fields.flatMap((name): ConflictingField[] => {
    if (name === 'explanation') {
      return JSON.stringify(base.explanation) === JSON.stringify(theirs.explanation)
        ? []
        : [{ name, label: 'Explanation', theirs: textOf(theirs.explanation), mine: textOf(explanation) }];
    }
    if (before[name] === after[name] || after[name] === mine[name]) return [];
    return [
      {
        name,
        label: fieldLabels[name] ?? name,
        theirs: shown(name, after[name] ?? ''),
        mine: shown(name, mine[name] ?? ''),
      },
    ];
  });
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
  const { claim, errors, message, busy, send, latest } = detail;
  // What the person typed stays on screen as typed (the server trims); the fields not typed in show the claim's.
  const [edited, setEdited] = useState<Values>({});
  const editedRef = useRef<Values>({});
  const explanation = useRef<JSONContent | null>(null);
  const [explanationDoc, setExplanationDoc] = useState<JSONContent | null>(null);
  const [explanationKey, setExplanationKey] = useState(0);
  const autosave = useClaimAutosave(
    claimId,
    detail,
    (fields) =>
      changesOf(
        { ...(latest.current ? valuesOf(latest.current) : {}), ...editedRef.current },
        explanation.current,
        fields,
      ),
    (field) => fieldLabels[field] ?? field,
  );
  const { isStuck } = autosave;
  const [acting, setActing] = useState(false);
  const [refusals, setRefusals] = useState(0);
  const panel = useRef<HTMLElement>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const lastField = useRef<HTMLElement | null>(null);
  const isLoaded = claim !== null;
  // Another claim, or the browser's Back, keeps the panel open while it holds typing it cannot save, and shows why.
  useEffect(
    () =>
      guardOpenClaim(() => {
        if (!isStuck()) return true;
        setRefusals((n) => n + 1);
        return false;
      }),
    [isStuck],
  );
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
  }, [message]);
  // So is a draft that could not be saved when something needed it: at its field, else at the save status.
  useEffect(() => {
    if (refusals === 0) return;
    const target = panel.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? statusRef.current;
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  }, [refusals]);
  if (!claim) return <p role="status">Loading the claim…</p>;

  const values: Values = { ...valuesOf(claim), ...edited };
  const set = (field: string, value: string) => {
    editedRef.current = { ...editedRef.current, [field]: value };
    setEdited(editedRef.current);
    autosave.changed(field);
  };
  const usable = ratings.filter((r) => r.active || r.id === claim.rating?.id);
  const errorOf = (name: string) => autosave.errors[name] ?? errors[name];

  /** Runs an action that needs the draft saved first; a draft that cannot be saved is shown instead. */
  const afterSaving = async (then: () => Promise<unknown> | void) => {
    setActing(true);
    try {
      if (await autosave.flush()) await then();
      else setRefusals((n) => n + 1);
    } finally {
      setActing(false);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    void afterSaving(() => detail.say('ok', 'Claim saved.'));
  };

  // "Back to all claims" saves what is not saved yet, and stays open when it is refused.
  const close = () => void afterSaving(onClose);

  /** Shows the claim's own values again in the fields given (all of them when none are kept). */
  const showClaimValues = (kept: string[] = []) => {
    editedRef.current = Object.fromEntries(Object.entries(editedRef.current).filter(([name]) => kept.includes(name)));
    setEdited(editedRef.current);
    if (kept.includes('explanation')) return;
    explanation.current = null;
    setExplanationDoc(null);
    setExplanationKey((k) => k + 1);
  };

  // The conflict's buttons go away once chosen: focus moves to the save status, which says what happened.
  const takeTheirs = async () => {
    if (await autosave.discard()) showClaimValues();
    statusRef.current?.focus();
  };

  // This person's changed fields go over the other version; every other field shows theirs.
  const overwrite = async () => {
    const kept = autosave.pendingFields();
    if (await autosave.overwrite()) showClaimValues(kept);
    statusRef.current?.focus();
  };

  const keepEditing = () => {
    autosave.confirmDraft();
    (lastField.current ?? statusRef.current)?.focus();
  };

  const cancelEditing = () => {
    autosave.cancelDraft();
    showClaimValues();
    statusRef.current?.focus();
  };

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
        <button
          type="button"
          className="tool"
          disabled={busy || acting}
          onClick={close}
          aria-keyshortcuts="Escape"
          title="Escape"
        >
          Back to all claims
        </button>
      </div>
      {autosave.state === 'conflict' && (
        <ClaimConflict
          message={autosave.message}
          fields={
            autosave.conflict
              ? conflictingFields(
                  autosave.conflict,
                  autosave.pendingFields(),
                  values,
                  explanationDoc,
                  (id) => ratings.find((r) => r.id === id)?.label ?? id,
                )
              : []
          }
          onOverwrite={() => void overwrite()}
          onDiscard={() => void takeTheirs()}
        />
      )}
      {autosave.mustConfirm && (
        <div className="notice claim-confirm" role="alert">
          <p>{t('claimReview.confirmEditing', { status: claim.status })}</p>
          <div className="step-buttons">
            <button type="button" onClick={keepEditing}>
              Keep editing
            </button>
            <button type="button" className="tool" onClick={cancelEditing}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <p className="meta">
        <a href={`/articles/${claim.articleId}/history?claim=${claim.id}`}>History of this claim</a> ·{' '}
        <a href={`/review/${claim.id}#comments-heading`}>Review comments and discussion</a> · State:{' '}
        <strong data-testid="claim-status">{stateLabel(claimState(claim))}</strong> · version {claim.version}
      </p>
      {claim.lastReview && claim.status === 'DRAFT' && claim.lastReview.decision === 'approve' && (
        <p className="notice">
          {t('claimReview.backToDraft', {
            reviewer: claim.lastReview.reviewer ?? 'a reviewer',
            version: claim.lastReview.claimVersion,
          })}
        </p>
      )}
      {claim.lastReview && claim.status === 'CHANGES_REQUESTED' && (
        <p className="notice">
          {t('claimReview.changesAsked', {
            reviewer: claim.lastReview.reviewer ?? 'A reviewer',
            comment: claim.lastReview.comment ?? '',
          })}{' '}
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
      <form
        onSubmit={save}
        onBlur={autosave.saveNow}
        onFocus={(event: FocusEvent<HTMLFormElement>) => {
          lastField.current = event.target;
        }}
        className="form claim-form"
        noValidate
      >
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
            key={explanationKey}
            initial={claim.explanation}
            error={errorOf('explanation')}
            onChange={(doc) => {
              explanation.current = doc;
              setExplanationDoc(doc);
              autosave.changed('explanation');
            }}
          />
          <div className="step-buttons">
            <button type="submit" disabled={busy || acting}>
              Save claim
            </button>
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
          <button
            type="button"
            disabled={busy || acting}
            onClick={() =>
              void afterSaving(() =>
                send('POST', `/api/v1/claims/${claimId}/submit`, undefined, 'Submitted for review.'),
              )
            }
          >
            Submit for review
          </button>
        </div>
      ) : (
        <p className="meta" data-testid="claim-review-state">
          {t(claim.status === 'IN_REVIEW' ? 'claimReview.waitingForReview' : 'claimReview.approvedEditable')}
        </p>
      )}
    </section>
  );
}
