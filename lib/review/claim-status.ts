import messages from '@/lib/i18n/messages/en.json' with { type: 'json' };

/** A claim's review state, as stored. */
export type ClaimStatus = 'DRAFT' | 'IN_REVIEW' | 'CHANGES_REQUESTED' | 'APPROVED';

/** Each state as the end of a sentence ("The claim is …"), in refusals and notices: the message catalog's words. */
export const claimStatusPhrases: Record<ClaimStatus, string> = messages.claimStatePhrase;
