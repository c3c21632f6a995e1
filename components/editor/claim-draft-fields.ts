import type { JSONContent } from '@tiptap/core';
import type { ClaimDetailDto } from '@/lib/validation/verdicts';
import type { ConflictingField } from './claim-conflict-notice';
import type { ClaimConflictVersions } from './use-claim-autosave';

/** The claim panel's plain fields by name, as their inputs hold them. */
export type ClaimFieldValues = Record<string, string>;

/** Each field's label, for a refusal named in the save status. */
export const claimFieldLabels: Record<string, string> = {
  statedClaim: 'Claim as stated',
  claimReviewed: 'Short form for search engines',
  claimant: 'Claimant',
  claimantRole: 'Claimant’s role or organisation',
  claimDate: 'When it was said',
  appearanceUrl: 'Where it was said (URL)',
  rating: 'Rating',
  shortVerdict: 'Short verdict',
  explanation: 'Explanation',
};

/** The panel's fields as the claim has them. */
export function claimFieldValues(claim: ClaimDetailDto): ClaimFieldValues {
  return {
    statedClaim: claim.statedClaim,
    claimReviewed: claim.claimReviewed,
    claimant: claim.claimant ?? '',
    claimantRole: claim.claimantRole ?? '',
    claimDate: claim.claimDate?.slice(0, 10) ?? '',
    appearanceUrl: claim.appearanceUrl ?? '',
    rating: claim.rating?.id ?? '',
    shortVerdict: claim.shortVerdict ?? '',
  };
}

/** The PATCH body of the fields named (only those this person changed), without its base version. */
export function claimChangesOf(values: ClaimFieldValues, explanation: JSONContent | null, fields: string[]) {
  const all: Record<string, unknown> = {
    statedClaim: values.statedClaim,
    claimReviewed: values.claimReviewed,
    claimant: values.claimant || null,
    claimantRole: values.claimantRole || null,
    claimDate: values.claimDate || null,
    appearanceUrl: values.appearanceUrl || null,
    rating: values.rating || null,
    shortVerdict: values.shortVerdict,
    ...(explanation ? { explanation } : {}),
  };
  return Object.fromEntries(fields.filter((f) => f in all).map((f) => [f, all[f]]));
}

/** A rich text's words, to show an explanation beside another. */
function textOf(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const { text, content } = node as { text?: unknown; content?: unknown };
  if (typeof text === 'string') return text;
  return Array.isArray(content) ? content.map(textOf).join(content.some((c) => textOf(c)) ? ' ' : '') : '';
}

/** The fields this person changed that the other version changed too: theirs beside this person's. */
export function conflictingFields(
  { base, theirs }: ClaimConflictVersions,
  fields: string[],
  mine: ClaimFieldValues,
  explanation: JSONContent | null,
  ratingLabel: (id: string) => string,
): ConflictingField[] {
  if (!theirs) return [];
  const before = claimFieldValues(base);
  const after = claimFieldValues(theirs);
  const shown = (name: string, value: string) => (name === 'rating' && value ? ratingLabel(value) : value);
  return fields.flatMap((name): ConflictingField[] => {
    if (name === 'explanation') {
      return JSON.stringify(base.explanation) === JSON.stringify(theirs.explanation)
        ? []
        : [{ name, label: 'Explanation', theirs: textOf(theirs.explanation), mine: textOf(explanation) }];
    }
    if (before[name] === after[name] || after[name] === mine[name]) return [];
    return [
      {
        name,
        label: claimFieldLabels[name] ?? name,
        theirs: shown(name, after[name] ?? ''),
        mine: shown(name, mine[name] ?? ''),
      },
    ];
  });
}
