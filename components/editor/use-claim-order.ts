'use client';

import { useMemo } from 'react';
import type { ClaimDto } from '@/lib/validation/articles';
import { claimState, type SidebarClaim } from './claim-card';
import { highlightStyles } from './highlight-styles';
import type { ClaimQuotes } from './use-article-text';

/** The claims in document order with their words, the detached ones (no highlight left), and the highlights' rules. */
export function useClaimOrder({
  quotes,
  claims,
  deleting,
  activeId,
}: {
  quotes: ClaimQuotes;
  claims: ClaimDto[];
  deleting: ReadonlySet<string>;
  activeId: string | null;
}) {
  const claimsById = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);
  const ordered: SidebarClaim[] = useMemo(
    () => [...quotes].map(([id, quote]) => ({ id, quote, claim: claimsById.get(id) ?? null })),
    [quotes, claimsById],
  );
  const detached = useMemo(
    () => claims.filter((c) => !quotes.has(c.id) && !deleting.has(c.id)),
    [claims, quotes, deleting],
  );
  const styles = useMemo(
    () =>
      highlightStyles(
        ordered.map((c) => ({ id: c.id, state: claimState(c.claim), colour: c.claim?.rating?.colour ?? null })),
        activeId,
      ),
    [ordered, activeId],
  );
  return { ordered, detached, styles };
}
