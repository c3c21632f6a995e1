'use client';

import { useTranslations } from 'next-intl';
import { memo } from 'react';
import type { ClaimDto } from '@/lib/validation/articles';
import { PeopleNamed } from './collab-presence';
import type { Peer } from './use-collaboration';

export interface SidebarClaim {
  id: string;
  quote: string;
  claim: ClaimDto | null;
}

export function claimState(claim: ClaimDto | null): string {
  if (!claim) return 'NO_VERDICT';
  if (claim.status === 'DRAFT') return claim.rating ? 'DRAFT' : 'NO_VERDICT';
  return claim.status;
}

/** One claim beside the text: its words, who said it, its state in words (the highlight's style repeated), its rating. */
export const ClaimCard = memo(function ClaimCard({
  item,
  isActive,
  viewers,
  onSelect,
  onOpen,
  onRemoveHighlight,
}: {
  item: SidebarClaim;
  isActive: boolean;
  viewers: Peer[] | undefined;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  onRemoveHighlight: (id: string) => void;
}) {
  const stateLabel = useTranslations('claimStatus');
  const { id, quote, claim } = item;
  const state = claimState(claim);
  return (
    <li className="claim-item" data-claim-id={id} data-state={state} aria-current={isActive ? 'true' : undefined}>
      <button type="button" className="claim-select" id={`claim-item-${id}`} onClick={() => onSelect(id)}>
        <span className="claim-quote">“{quote}”</span>
      </button>
      <p className="claim-facts-line">
        {claim?.claimant && <span>{claim.claimant} · </span>}
        <mark className="claim claim-state" data-state={state}>
          {claim ? stateLabel(state) : 'Saving…'}
        </mark>
        {claim?.rating && (
          <>
            {' · '}
            <span className="rating-chip" style={{ backgroundColor: claim.rating.colour }}>
              {claim.rating.label}
            </span>
          </>
        )}
      </p>
      {viewers && <PeopleNamed label="Open now by" people={viewers} />}
      <div className="step-buttons">
        <button
          type="button"
          className="tool"
          onClick={() => onOpen(id)}
          disabled={!claim}
          aria-label={`Verdict and sources: ${quote.slice(0, 60)}`}
        >
          Verdict and sources
        </button>
        <button type="button" className="link-button" onClick={() => onRemoveHighlight(id)}>
          Remove highlight
        </button>
      </div>
    </li>
  );
});
