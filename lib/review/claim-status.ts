/** A claim's review state, as stored. */
export type ClaimStatus = 'DRAFT' | 'IN_REVIEW' | 'CHANGES_REQUESTED' | 'APPROVED';

/** Each state as the end of a sentence ("The claim is …"), in refusals and notices. */
export const claimStatusPhrases: Record<ClaimStatus, string> = {
  DRAFT: 'a draft',
  IN_REVIEW: 'in review',
  CHANGES_REQUESTED: 'sent back with changes requested',
  APPROVED: 'approved',
};
