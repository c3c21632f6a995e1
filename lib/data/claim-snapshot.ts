import type { ClaimDetailDto } from '@/lib/validation/verdicts';

/** What a review approves: the claim's words, fields, verdict and sources, in words a diff can show. */
export function claimSnapshot(c: ClaimDetailDto): Record<string, string> {
  const explanation = ((c.explanation?.content as { content?: { text?: string }[] }[] | undefined) ?? [])
    .map((b) => (b.content ?? []).map((t) => t.text ?? '').join(''))
    .join('\n');
  return {
    words: c.quote.exact,
    statedClaim: c.statedClaim,
    claimReviewed: c.claimReviewed,
    claimant: [c.claimant, c.claimantRole].filter(Boolean).join(', '),
    claimDate: c.claimDate?.slice(0, 10) ?? '',
    appearanceUrl: c.appearanceUrl ?? '',
    rating: c.rating?.label ?? '',
    shortVerdict: c.shortVerdict ?? '',
    explanation,
    sources: c.sources.map((s) => `${s.title} <${s.url}>${s.excerpt ? ` “${s.excerpt}”` : ''}`).join('\n'),
  };
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** The fields that differ between two snapshots. */
export function snapshotDiff(before: Record<string, string>, after: Record<string, string>): FieldChange[] {
  return Object.keys(after)
    .filter((field) => (before[field] ?? '') !== (after[field] ?? ''))
    .map((field) => ({ field, before: before[field] ?? '', after: after[field] ?? '' }));
}
