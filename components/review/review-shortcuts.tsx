'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { setReviewKeys, useReviewKeys, useReviewKeysChoice } from './review-keys';

/** Keys typed into a field, or with a modifier, are the field's or the browser's, never a shortcut. */
function isTyping(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return true;
  const target = event.target as HTMLElement | null;
  return (
    !!target &&
    (target.isContentEditable ||
      !!target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]'))
  );
}

/**
 * The reviewer's keys: `a` approves, `r` requests changes (it moves to the comment first when it is empty; Ctrl+Enter
 * there sends it), `j` or `n` opens the next claim in the queue. The buttons themselves stay the one way to act.
 * Single keys can be switched off (WCAG 2.1.4: speech input or a stray key press must not approve a claim).
 */
export function ReviewShortcuts({ nextHref, canDecide }: { nextHref: string | null; canDecide: boolean }) {
  const router = useRouter();
  const [hint, setHint] = useState('');
  const keysOn = useReviewKeys();
  const keysChosen = useReviewKeysChoice();
  useEffect(() => {
    if (!keysOn) return;
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event)) return;
      const key = event.key.toLowerCase();
      if (key === 'a' && canDecide) {
        event.preventDefault();
        document.getElementById('review-approve')?.click();
      } else if (key === 'r' && canDecide) {
        event.preventDefault();
        const comment = document.getElementById('review-comment') as HTMLTextAreaElement | null;
        if (comment && comment.value.trim() === '') {
          comment.focus();
          setHint('Say what needs to change, then press Ctrl+Enter to send the claim back.');
        } else {
          document.getElementById('review-request-changes')?.click();
        }
      } else if ((key === 'j' || key === 'n') && nextHref) {
        event.preventDefault();
        router.push(nextHref);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [canDecide, keysOn, nextHref, router]);
  return (
    <nav className="review-shortcuts" aria-label="Keyboard and queue">
      <p>
        {keysOn && canDecide && (
          <>
            <kbd>a</kbd> approve · <kbd>r</kbd> request changes ·{' '}
          </>
        )}
        {nextHref ? (
          <>
            {keysOn && (
              <>
                <kbd>j</kbd> or <kbd>n</kbd>{' '}
              </>
            )}
            <Link href={nextHref} aria-keyshortcuts={keysOn ? 'j n' : undefined} id="review-next">
              Next claim in the queue
            </Link>
          </>
        ) : (
          <span>No other claim is waiting in the queue.</span>
        )}
      </p>
      <label className="review-keys-toggle">
        <input type="checkbox" checked={keysChosen} onChange={(event) => setReviewKeys(event.target.checked)} />{' '}
        Single-key shortcuts
      </label>
      <p className="field-hint" role="status">
        {hint}
      </p>
    </nav>
  );
}
