// Shapes that lib/data returns and components render: client-safe, so components never import lib/data for a type.
import type { ClaimDisplayState } from '@/lib/review/claim-display-state';

export interface ClaimView {
  id: string;
  exact: string;
  start: number;
  claimantName: string | null;
  claimantRole: string | null;
  state: ClaimDisplayState;
  rating: { label: string; colour: string } | null;
  shortVerdict: string | null;
}

/** How many of an article's claims are in each review state. */
export interface ProgressCounts {
  draft: number;
  inReview: number;
  changesRequested: number;
  approved: number;
}
