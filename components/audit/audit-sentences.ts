import { reviewedFieldLabels } from '@/lib/review/reviewed-content';
import { formatUtcFallback } from '@/components/ui/date-format';

export interface AuditEntry {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  actor: { name: string } | null;
  before: unknown;
  after: unknown;
  createdAt: string;
}

export const actionLabels: Record<string, string> = {
  'article.create': 'Article created',
  'article.update': 'Article saved',
  'article.assign': 'Assignment changed',
  'article.retract': 'Article retracted',
  'publication.create': 'Published',
  'claim.create': 'Claim marked',
  'claim.update': 'Verdict saved',
  'claim.submit': 'Submitted for review',
  'review.approve': 'Approved',
  'review.request-changes': 'Changes requested',
  'claim.delete': 'Claim deleted',
  'claim.detach': 'Claim detached',
  'claim.reattach': 'Claim highlighted again',
  'claim.words-change': 'Claim words changed',
  'claim.live-authors': 'Claim edited live',
  'comment.create': 'Comment added',
  'comment.resolve': 'Comment resolved',
  'comment.reopen': 'Comment reopened',
  'source.add': 'Source added',
  'source.update': 'Source edited',
  'source.remove': 'Source removed',
  'claim.restore': 'Claim restored',
  'claim.same-as': 'Linked to the same claim elsewhere',
  'claim.same-as-removed': 'Link to the same claim removed',
  'user.create': 'Person added',
  'user.update': 'Person changed',
  'user.password-reset': 'Password reset',
  'user.password-change': 'Password changed',
  'token.create': 'API token created',
  'token.revoke': 'API token revoked',
  'settings.update': 'Settings changed',
  'rating.create': 'Rating added',
  'rating.update': 'Rating changed',
  'claimreview-feed.added': 'ClaimReview feed added',
  'claimreview-feed.removed': 'ClaimReview feed removed',
  'claimreview.imported': 'ClaimReview feed imported',
};

const fieldLabels: Record<string, string> = {
  title: 'Title',
  slug: 'Address',
  sourceUrl: 'Imported from',
  version: 'Version',
  contentChanged: 'Text changed',
  status: 'State',
  decision: 'Decision',
  ...reviewedFieldLabels,
  ratingId: 'Rating',
  comment: 'Comment',
  body: 'Comment',
  claimVersion: 'Version reviewed',
  authorIds: 'Written by',
  reason: 'Reason',
  exact: 'Words',
  source: 'Source',
  excerpt: 'Excerpt',
  kind: 'Kind',
  publisher: 'Publisher',
  publishedAt: 'Date of the source',
  archivedUrl: 'Archived copy',
  url: 'Address',
  position: 'Place in the list',
  claims: 'Claims',
  number: 'Version',
  factCheckerId: 'Fact-checker',
  reviewerId: 'Reviewer',
  dueDate: 'Due date',
  sameAsId: 'Same claim',
  detached: 'Kept without highlight',
  via: 'Saved through',
  tokensRevoked: 'Tokens revoked',
  name: 'Name',
  email: 'Email',
  roles: 'Roles',
  disabled: 'Disabled',
  label: 'Label',
  colour: 'Colour',
  value: 'Value',
  description: 'Description',
  imported: 'Imported',
  updated: 'Updated',
  skipped: 'Unchanged',
  errors: 'Errors',
};

/** The message catalog's namespaces of stored states (enum values of the database), by the field that holds them. */
export const stateNamespaces = ['claimStatus', 'articleStatus', 'reviewDecision', 'role', 'sourceKind'] as const;
export type StateWords = Partial<Record<(typeof stateNamespaces)[number], Readonly<Record<string, string>>>>;
const stateFields: Record<string, readonly (typeof stateNamespaces)[number][]> = {
  status: ['claimStatus', 'articleStatus'],
  decision: ['reviewDecision'],
  roles: ['role'],
  kind: ['sourceKind'],
};

/** A stored state in the catalog's words: by the namespaces of its field, else as a claim's or an article's state. */
function stateWord(key: string, value: string, states: StateWords | undefined): string | undefined {
  for (const namespace of stateFields[key] ?? ['claimStatus', 'articleStatus']) {
    const word = states?.[namespace]?.[value];
    if (word) return word;
  }
  return undefined;
}

// Positions, ids and the words around a quote are for machines; the history shows what people changed.
const hidden = new Set([
  'id',
  'version',
  'userId',
  'start',
  'end',
  'prefix',
  'suffix',
  'commentId',
  'sourceId',
  'baseVersion',
  'copiedTo',
  'publicationId',
]);

export type AuditNames = {
  ratings?: ReadonlyMap<string, string>;
  people?: ReadonlyMap<string, string>;
  /** The catalog's words for stored states (`stateNamespaces` of the messages). */
  states?: StateWords;
};

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const peopleKeys = new Set(['factCheckerId', 'reviewerId', 'userId', 'authorIds']);
// Facts about the event (which version a review covered), not a field that was set: "Version reviewed: 3".
const facts = new Set(['claimVersion']);

/** One value in words: ratings and people by name, states and source kinds by label, dates unambiguous in UTC. */
export function valueText(key: string, value: unknown, names: AuditNames): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') {
    if ((key === 'rating' || key === 'ratingId') && names.ratings?.has(value)) return names.ratings.get(value) ?? value;
    if (peopleKeys.has(key) && names.people?.has(value)) return names.people.get(value) ?? value;
    if (isoInstant.test(value))
      return formatUtcFallback(value, value.slice(10, 23) === 'T00:00:00.000' ? 'date' : 'absolute');
    return stateWord(key, value, names.states) ?? value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => valueText(key, v, names)).join(', ');
  if (typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>).filter(
      ([k, v]) => !hidden.has(k) && v !== undefined,
    );
    return fields.map(([k, v]) => `${fieldLabels[k] ?? k}: ${valueText(k, v, names)}`).join('; ');
  }
  return String(value);
}

const label = (key: string) => fieldLabels[key] ?? key;
// The same field under the name a record used and the name an input used.
const aliases: Record<string, string> = { ratingId: 'rating' };
const fieldsOf = (value: unknown): [string, unknown][] | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.entries(value as Record<string, unknown>)
        .filter(([k, v]) => !hidden.has(k) && v !== undefined)
        .map(([k, v]) => [aliases[k] ?? k, v])
    : null;

/** What an event changed, one sentence per field: "Rating changed from False to Half true", "Short verdict set to …". */
export function describeChanges(before: unknown, after: unknown, names: AuditNames): string[] {
  const was = fieldsOf(before);
  const now = fieldsOf(after);
  if (now && was) {
    const old = new Map(was);
    const lines: string[] = [];
    for (const [k, v] of now) {
      if (k === 'contentChanged') {
        if (v === true) lines.push('Text changed');
        continue;
      }
      const from = valueText(k, old.get(k), names);
      const to = valueText(k, v, names);
      if (facts.has(k)) {
        if (to !== '—') lines.push(`${label(k)}: ${to}`);
        continue;
      }
      if (from === to) continue;
      if (v === '(changed)') lines.push(`${label(k)} changed`);
      else if (to === '—') lines.push(`${label(k)} cleared (was ${from})`);
      else if (from === '—') lines.push(`${label(k)} set to ${to}`);
      else lines.push(`${label(k)} changed from ${from} to ${to}`);
    }
    return lines;
  }
  if (now) {
    return now.flatMap(([k, v]) => {
      if (k === 'contentChanged') return v === true ? ['Text changed'] : [];
      if (v === '(changed)') return [`${label(k)} changed`];
      const to = valueText(k, v, names);
      return to === '—' ? [] : [`${label(k)}: ${to}`];
    });
  }
  if (was) return was.map(([k, v]) => `${label(k)}: ${valueText(k, v, names)}`);
  const lines: string[] = [];
  if (before !== null && before !== undefined) lines.push(`Before: ${valueText('', before, names)}`);
  if (after !== null && after !== undefined) lines.push(`After: ${valueText('', after, names)}`);
  return lines;
}
