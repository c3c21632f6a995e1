'use client';

import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';

/** Asks whether removing a highlight deletes the claim or keeps it detached. */
export function RemoveHighlightDialog({
  claimQuote,
  onDelete,
  onKeep,
  onCancel,
}: {
  claimQuote: string | null;
  onDelete: () => void;
  onKeep: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (claimQuote !== null && !dialog.open) dialog.showModal();
    if (claimQuote === null && dialog.open) dialog.close();
  }, [claimQuote]);
  return (
    <dialog ref={ref} aria-labelledby="remove-highlight-title" onCancel={onCancel} className="dialog">
      <h2 id="remove-highlight-title">Remove this highlight?</h2>
      <p>“{claimQuote}”</p>
      <p>Delete the claim with its verdict and sources, or keep it detached to attach it to other words later?</p>
      <div className="step-buttons">
        <Button variant="danger" onClick={onDelete}>
          Delete claim
        </Button>
        <Button onClick={onKeep}>Keep it detached</Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </dialog>
  );
}
