export type ClaimDisplayState = 'NO_VERDICT' | 'DRAFT' | 'IN_REVIEW' | 'CHANGES_REQUESTED' | 'APPROVED';

/** The state a highlight shows: a draft claim without a rating has no verdict yet. */
export function claimDisplayState(status: string, hasRating: boolean): ClaimDisplayState {
  if (status === 'DRAFT') return hasRating ? 'DRAFT' : 'NO_VERDICT';
  return status as ClaimDisplayState;
}
