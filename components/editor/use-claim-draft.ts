'use client';

import type { JSONContent } from '@tiptap/core';
import { useEffect, useRef, useState, type FocusEvent, type RefObject } from 'react';
import type { RatingDto } from '@/lib/validation/ratings';
import {
  claimChangesOf,
  claimFieldLabels,
  claimFieldValues,
  conflictingFields,
  type ClaimFieldValues,
} from './claim-draft-fields';
import { useClaimAutosave } from './use-claim-autosave';
import type { ClaimDetail } from './use-claim-detail';
import { guardOpenClaim } from './use-open-claim';

/** Shows where a refusal is: focus moves to the first field marked invalid inside `within`, else to `fallback`. */
export function focusRefusal(within: HTMLElement | null, fallback: HTMLElement | null) {
  const target = within?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? fallback;
  target?.focus();
  target?.scrollIntoView({ block: 'center' });
}

/**
 * The claim panel's draft: the fields as typed over the claim's values, saved by `useClaimAutosave`, and the person's
 * ways out of a draft that cannot be saved (a conflict, a claim in review that would go back to draft, a refusal).
 * A refused field is looked for in `panel`; `status` is the save status, which says what happened.
 */
export function useClaimDraft(
  claimId: string,
  detail: ClaimDetail,
  ratings: RatingDto[],
  { panel, status: statusRef }: { panel: RefObject<HTMLElement | null>; status: RefObject<HTMLElement | null> },
) {
  const { claim, latest, errors } = detail;
  // What the person typed stays on screen as typed (the server trims); the fields not typed in show the claim's.
  const [edited, setEdited] = useState<ClaimFieldValues>({});
  const editedRef = useRef<ClaimFieldValues>({});
  const explanation = useRef<JSONContent | null>(null);
  const [explanationDoc, setExplanationDoc] = useState<JSONContent | null>(null);
  const [explanationKey, setExplanationKey] = useState(0);
  const autosave = useClaimAutosave(
    claimId,
    detail,
    (fields) =>
      claimChangesOf(
        { ...(latest.current ? claimFieldValues(latest.current) : {}), ...editedRef.current },
        explanation.current,
        fields,
      ),
    (field) => claimFieldLabels[field] ?? field,
  );
  const { isStuck } = autosave;
  const [acting, setActing] = useState(false);
  const [refusals, setRefusals] = useState(0);
  const lastField = useRef<HTMLElement | null>(null);
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
  // A draft that could not be saved when something needed it is seen: at its field, else at the save status.
  useEffect(() => {
    if (refusals > 0) focusRefusal(panel.current, statusRef.current);
  }, [refusals, panel, statusRef]);

  const values: ClaimFieldValues = { ...(claim ? claimFieldValues(claim) : {}), ...edited };
  const set = (field: string, value: string) => {
    editedRef.current = { ...editedRef.current, [field]: value };
    setEdited(editedRef.current);
    autosave.changed(field);
  };
  const setExplanation = (doc: JSONContent) => {
    explanation.current = doc;
    setExplanationDoc(doc);
    autosave.changed('explanation');
  };
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

  const conflict = () =>
    autosave.conflict
      ? conflictingFields(
          autosave.conflict,
          autosave.pendingFields(),
          values,
          explanationDoc,
          (id) => ratings.find((r) => r.id === id)?.label ?? id,
        )
      : [];

  // The form saves when a field is left, and remembers the last field for "Keep editing" to return to.
  const formProps = {
    onBlur: autosave.saveNow,
    onFocus: (event: FocusEvent<HTMLFormElement>) => {
      lastField.current = event.target;
    },
  };

  return {
    autosave,
    values,
    explanationKey,
    acting,
    formProps,
    set,
    setExplanation,
    errorOf,
    afterSaving,
    conflictingFields: conflict,
    takeTheirs,
    overwrite,
    keepEditing,
    cancelEditing,
  };
}
