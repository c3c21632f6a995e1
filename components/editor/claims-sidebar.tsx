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

interface Props {
  claims: SidebarClaim[];
  detached: ClaimDto[];
  activeId: string | null;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  onRemoveHighlight: (id: string) => void;
  onAttach: (id: string) => void;
  onDeleteDetached: (id: string) => void;
  onStep: (direction: 1 | -1) => void;
  /** Live: the other people who have each claim open. */
  viewers?: ReadonlyMap<string, Peer[]>;
}

/**
 * Every claim in document order, then the detached ones; the active one is selected and focusable.
 * Memoized: a thousand items must not re-render on a keystroke or a save-state change.
 */
export const ClaimsSidebar = memo(function ClaimsSidebar({
  claims,
  detached,
  activeId,
  onSelect,
  onOpen,
  onRemoveHighlight,
  onAttach,
  onDeleteDetached,
  onStep,
  viewers,
}: Props) {
  const stateLabel = useTranslations('claimStatus');
  return (
    <aside className="claims-panel" aria-labelledby="claims-heading">
      <h2 id="claims-heading">Claims ({claims.length})</h2>
      <p className="field-hint">Alt+↓ / Alt+↑: next / previous claim.</p>
      <div className="step-buttons">
        <button type="button" className="tool" onClick={() => onStep(-1)} disabled={claims.length === 0}>
          Previous claim
        </button>
        <button type="button" className="tool" onClick={() => onStep(1)} disabled={claims.length === 0}>
          Next claim
        </button>
      </div>
      {claims.length === 0 ? (
        <p>No claims yet: select words and choose “Mark claim”.</p>
      ) : (
        <ol className="claim-list" aria-label="Claims in document order">
          {claims.map((c) => {
            const state = claimState(c.claim);
            return (
              <li
                key={c.id}
                className="claim-item"
                data-claim-id={c.id}
                data-state={state}
                aria-current={c.id === activeId ? 'true' : undefined}
              >
                <button type="button" className="claim-select" id={`claim-item-${c.id}`} onClick={() => onSelect(c.id)}>
                  <span className="claim-quote">“{c.quote}”</span>
                </button>
                <p className="claim-facts-line">
                  {c.claim?.claimant && <span>{c.claim.claimant} · </span>}
                  <span>{c.claim ? stateLabel(state) : 'Saving…'}</span>
                  {c.claim?.rating && (
                    <>
                      {' · '}
                      <span className="rating-chip" style={{ backgroundColor: c.claim.rating.colour }}>
                        {c.claim.rating.label}
                      </span>
                    </>
                  )}
                </p>
                {viewers?.get(c.id) && <PeopleNamed label="Open now by" people={viewers.get(c.id) ?? []} />}
                <div className="step-buttons">
                  <button
                    type="button"
                    className="tool"
                    onClick={() => onOpen(c.id)}
                    disabled={!c.claim}
                    aria-label={`Verdict and sources: ${c.quote.slice(0, 60)}`}
                  >
                    Verdict and sources
                  </button>
                  <button type="button" className="link-button" onClick={() => onRemoveHighlight(c.id)}>
                    Remove highlight
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {detached.length > 0 && (
        <>
          <h3>Detached claims ({detached.length})</h3>
          <p className="field-hint">Their highlight was removed. Select words and attach them again, or delete them.</p>
          <ul className="claim-list detached" aria-label="Detached claims">
            {detached.map((c) => (
              <li key={c.id} className="claim-item" data-claim-id={c.id}>
                <span className="claim-quote">“{c.quote.exact}”</span>
                <div className="step-buttons">
                  <button type="button" className="tool" onClick={() => onAttach(c.id)}>
                    Attach to selection
                  </button>
                  <button type="button" className="tool danger" onClick={() => onDeleteDetached(c.id)}>
                    Delete claim
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
});
