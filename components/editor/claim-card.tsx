'use client';

import { useTranslations } from 'next-intl';
import { memo } from 'react';
import type { ClaimDto } from '@/lib/validation/articles';
import { Button, ButtonLink } from '@/components/ui/button';
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

type CardProps = {
  item: SidebarClaim;
  isActive: boolean;
  viewers: Peer[] | undefined;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  onRemoveHighlight: (id: string) => void;
};

/** What a card shows of its claim: a claim refetched after a save, only moved in the text, draws the same card. */
const sameShown = (a: ClaimDto | null, b: ClaimDto | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.claimant === b.claimant &&
    claimState(a) === claimState(b) &&
    a.rating?.id === b.rating?.id &&
    a.rating?.label === b.rating?.label &&
    a.rating?.colour === b.rating?.colour);

const sameCard = (a: CardProps, b: CardProps) =>
  a.item.id === b.item.id &&
  a.item.quote === b.item.quote &&
  sameShown(a.item.claim, b.item.claim) &&
  a.isActive === b.isActive &&
  a.viewers === b.viewers &&
  a.onSelect === b.onSelect &&
  a.onOpen === b.onOpen &&
  a.onRemoveHighlight === b.onRemoveHighlight;

/**
 * One claim beside the text: its words, who said it, its state in words (the highlight's style repeated), its rating.
 * Drawn again only when one of those changes: a save refetches every claim, and a thousand cards must not follow.
 */
export const ClaimCard = memo(function ClaimCard({
  item,
  isActive,
  viewers,
  onSelect,
  onOpen,
  onRemoveHighlight,
}: CardProps) {
  const stateLabel = useTranslations('claimStatus');
  const { id, quote, claim } = item;
  const state = claimState(claim);
  return (
    <li className="claim-item" data-claim-id={id} data-state={state} aria-current={isActive ? 'true' : undefined}>
      <Button className="claim-select" id={`claim-item-${id}`} onClick={() => onSelect(id)}>
        <span className="claim-quote">“{quote}”</span>
      </Button>
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
        {claim ? (
          <ButtonLink
            variant="tool"
            href={`?claim=${encodeURIComponent(id)}`}
            onPlainClick={() => onOpen(id)}
            aria-label={`Verdict and sources: ${quote.slice(0, 60)}`}
          >
            Verdict and sources
          </ButtonLink>
        ) : (
          <Button variant="tool" disabled aria-label={`Verdict and sources: ${quote.slice(0, 60)}`}>
            Verdict and sources
          </Button>
        )}
        <Button variant="link" onClick={() => onRemoveHighlight(id)}>
          Remove highlight
        </Button>
      </div>
    </li>
  );
}, sameCard);
