'use client';

import { useMemo } from 'react';
import type { TextPosition } from '@/lib/anchoring/quote';
import type { ClaimDto } from '@/lib/validation/articles';
import { claimState, type SidebarClaim } from './claim-card';
import { highlightStyles } from './highlight-styles';

const byDocumentOrder = (a: [string, TextPosition], b: [string, TextPosition]) =>
  a[1].start - b[1].start || b[1].end - a[1].end;

/** The claims in document order with their words, the detached ones (no highlight left), and the highlights' rules. */
export function useClaimOrder({
  ranges,
  text,
  claims,
  deleting,
  activeId,
}: {
  ranges: ReadonlyMap<string, TextPosition>;
  text: string;
  claims: ClaimDto[];
  deleting: ReadonlySet<string>;
  activeId: string | null;
}) {
  const claimsById = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);
  const ordered: SidebarClaim[] = useMemo(
    () =>
      [...ranges.entries()]
        .sort(byDocumentOrder)
        .map(([id, r]) => ({ id, quote: text.slice(r.start, r.end), claim: claimsById.get(id) ?? null })),
    [ranges, text, claimsById],
  );
  const detached = useMemo(
    () => claims.filter((c) => !ranges.has(c.id) && !deleting.has(c.id)),
    [claims, ranges, deleting],
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
