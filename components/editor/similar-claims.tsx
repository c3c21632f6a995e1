'use client';

import { useEffect, useState } from 'react';
import { LocalTime } from '@/components/ui/local-time';
import { Skeleton } from '@/components/ui/skeleton';
import { Button } from '@/components/ui/button';

interface SimilarItem {
  claim: {
    id: string;
    quote: { exact: string };
    claimReviewed: string;
    claimant: string | null;
    rating: { id: string; label: string } | null;
    status: string;
    articleTitle: string;
    url: string;
    isPublished: boolean;
    origin: 'newsroom' | 'imported';
    publisher: string;
    date: string;
  };
  score: number;
  isSameClaim: boolean;
}

/**
 * "Already checked?": the claims most like this one, each with its rating, date, publisher and link; one click records
 * "same claim". `words`: what the search matches on (searched again when they change, not on every autosave).
 */
export function SimilarClaims({ claimId, words, canEdit }: { claimId: string; words: string; canEdit: boolean }) {
  const [items, setItems] = useState<SimilarItem[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    fetch(`/api/v1/claims/${claimId}/similar?limit=5`, { headers: { Accept: 'application/json' } })
      .then(async (response) => {
        if (!live) return;
        if (response.ok) setItems(((await response.json()) as { items: SimilarItem[] }).items);
        else setMessage('Similar claims could not be loaded.');
      })
      .catch(() => live && setMessage('Similar claims could not be loaded.'));
    return () => {
      live = false;
    };
  }, [claimId, words, reloads]);

  const markSame = async (otherId: string) => {
    const response = await fetch(`/api/v1/claims/${claimId}/same-as`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ claimId: otherId }),
    });
    setMessage(response.ok ? 'Recorded as the same claim.' : 'That could not be recorded.');
    if (response.ok) setReloads((n) => n + 1);
  };

  return (
    <section aria-labelledby="similar-claims-heading">
      <h3 id="similar-claims-heading">Already checked?</h3>
      {items === null && !message && <Skeleton lines={2} label="Looking for similar claims…" />}
      {items?.length === 0 && <p className="field-hint">No similar claim has been checked yet.</p>}
      {message && <p role="status">{message}</p>}
      {items && items.length > 0 && (
        <ul className="similar-claims" aria-label="Similar claims">
          {items.map(({ claim, score, isSameClaim }) => (
            <li key={claim.id}>
              <a href={claim.url} target="_blank" rel="noopener">
                “{claim.claimReviewed || claim.quote.exact}”
              </a>
              <br />
              <span className="meta">
                {claim.rating ? <strong>{claim.rating.label}</strong> : 'No rating yet'} ·{' '}
                {claim.isPublished ? 'published' : claim.status.replace('_', ' ').toLowerCase()} ·{' '}
                <LocalTime iso={claim.date} mode="date" /> · {claim.publisher}
                {claim.claimant ? ` · ${claim.claimant}` : ''}
                {claim.origin === 'imported' ? ' · another fact-checker (imported)' : ` · in “${claim.articleTitle}”`} ·
                match {Math.round(score * 100)}%
              </span>
              <br />
              {isSameClaim ? (
                <span className="badge">Same claim</span>
              ) : (
                canEdit &&
                claim.origin === 'newsroom' && (
                  <Button variant="tool" onClick={() => void markSame(claim.id)}>
                    Same claim as this
                  </Button>
                )
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
