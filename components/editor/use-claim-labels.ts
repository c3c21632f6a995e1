'use client';

import type { Editor } from '@tiptap/react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import type { ClaimDto } from '@/lib/validation/articles';
import { claimState } from './claim-card';
import { claimLabelsKey } from './claim-labels';

/** Gives the editor's screen-reader labels (ClaimLabels) each claim's state and rating in words. */
export function useClaimLabels(editor: Editor | null, claims: ClaimDto[]) {
  // A save returns the same claims as new objects: the labels are rebuilt only when their words change.
  const labelsKey = useRef('');
  const stateLabel = useTranslations('claimStatus');
  useEffect(() => {
    if (!editor) return;
    const labels = new Map(
      claims.map((c) => [c.id, [stateLabel(claimState(c)), c.rating?.label].filter(Boolean).join(', ')]),
    );
    const key = JSON.stringify([...labels]);
    if (key === labelsKey.current) return;
    labelsKey.current = key;
    editor.view.dispatch(editor.state.tr.setMeta(claimLabelsKey, labels).setMeta('addToHistory', false));
  }, [editor, claims, stateLabel]);
}
