'use client';

import { useTranslations } from 'next-intl';

const STATES = ['NO_VERDICT', 'DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED'] as const;

/** What the highlights' fills and underlines mean; an approved claim takes its rating's colour. */
export function ClaimLegend() {
  const stateLabel = useTranslations('claimStatus');
  return (
    <ul className="claim-legend" aria-label="Highlight key">
      {STATES.map((state) => (
        <li key={state}>
          <mark className="claim" data-state={state}>
            {stateLabel(state)}
          </mark>
          {state === 'APPROVED' && <span className="field-hint"> (in its rating’s colour)</span>}
        </li>
      ))}
    </ul>
  );
}
