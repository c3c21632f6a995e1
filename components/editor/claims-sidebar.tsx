'use client';

import { ChevronDown, ChevronUp, Rows3 } from 'lucide-react';
import { memo, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { IconButton } from '@/components/ui/icon-button';
import type { ClaimDto } from '@/lib/validation/articles';
import { ClaimCard, type SidebarClaim } from './claim-card';
import { ClaimLegend } from './claim-legend';
import type { Peer } from './use-collaboration';
import { useMarginLayout } from './use-margin-layout';

export { claimState, type SidebarClaim } from './claim-card';

/** Above this many claims the cards start as a compact list: hundreds of cards in the margin would run far below the text. */
const MARGIN_LIMIT = 60;

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
 * Every claim in document order, as cards in the margin beside their highlights or as a compact list, then the
 * detached ones; the active one is selected and focusable.
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
  const [chosen, setChosen] = useState<boolean | null>(null);
  const compact = chosen ?? claims.length > MARGIN_LIMIT;
  const list = useRef<HTMLOListElement>(null);

  useMarginLayout(!compact, list, [claims, viewers]);
  return (
    <aside className={compact ? 'claims-panel' : 'claims-panel in-margin'} aria-labelledby="claims-heading">
      <div className="claims-heading">
        <h2 id="claims-heading">Claims ({claims.length})</h2>
        <IconButton
          label="Compact list"
          icon={Rows3}
          aria-pressed={compact}
          onClick={() => setChosen(!compact)}
          disabled={claims.length === 0}
        />
      </div>
      <ClaimLegend />
      <div className="step-buttons">
        <Button
          variant="tool"
          onClick={() => onStep(-1)}
          disabled={claims.length === 0}
          aria-keyshortcuts="Alt+ArrowUp"
          title="Alt+↑"
        >
          <ChevronUp aria-hidden="true" size={16} focusable="false" /> Previous claim
        </Button>
        <Button
          variant="tool"
          onClick={() => onStep(1)}
          disabled={claims.length === 0}
          aria-keyshortcuts="Alt+ArrowDown"
          title="Alt+↓"
        >
          <ChevronDown aria-hidden="true" size={16} focusable="false" /> Next claim
        </Button>
      </div>
      {claims.length === 0 ? (
        <p>No claims yet: select words and choose “Mark claim”.</p>
      ) : (
        <ol
          ref={list}
          className={compact ? 'claim-list compact' : 'claim-list margin'}
          aria-label="Claims in document order"
        >
          {claims.map((c) => (
            <ClaimCard
              key={c.id}
              item={c}
              isActive={c.id === activeId}
              viewers={viewers?.get(c.id)}
              onSelect={onSelect}
              onOpen={onOpen}
              onRemoveHighlight={onRemoveHighlight}
            />
          ))}
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
                  <Button variant="tool" onClick={() => onAttach(c.id)}>
                    Attach to selection
                  </Button>
                  <Button variant="danger" onClick={() => onDeleteDetached(c.id)}>
                    Delete claim
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
});
