import { reviewedFieldLabels } from '@/lib/review/reviewed-content';
import { sourceKindLabels, sourceKinds } from '@/lib/validation/verdicts';

interface Entry {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  actor: { name: string } | null;
  before: unknown;
  after: unknown;
  createdAt: string;
}

const actionLabels: Record<string, string> = {
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
  'comment.create': 'Comment added',
  'comment.resolve': 'Comment resolved',
  'comment.reopen': 'Comment reopened',
  'source.add': 'Source added',
  'source.update': 'Source edited',
  'source.remove': 'Source removed',
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
  claimVersion: 'Claim version',
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
};

const stateWords: Record<string, string> = {
  DRAFT: 'Draft',
  IN_REVIEW: 'In review',
  CHANGES_REQUESTED: 'Changes requested',
  APPROVED: 'Approved',
  PUBLISHED: 'Published',
  RETRACTED: 'Retracted',
};

// Positions, ids and the words around a quote are for machines; the history shows what people changed.
const hidden = new Set(['start', 'end', 'prefix', 'suffix', 'commentId', 'sourceId', 'baseVersion', 'copiedTo', 'publicationId']);

type Names = { ratings?: ReadonlyMap<string, string> };

function valueText(key: string, value: unknown, names: Names): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') {
    if ((key === 'rating' || key === 'ratingId') && names.ratings?.has(value)) return names.ratings.get(value) ?? value;
    if (key === 'kind' && (sourceKinds as readonly string[]).includes(value)) return sourceKindLabels[value as (typeof sourceKinds)[number]];
    return stateWords[value] ?? value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => valueText(key, v, names)).join(', ');
  if (typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>).filter(([k, v]) => !hidden.has(k) && k !== 'id' && v !== undefined);
    return fields.map(([k, v]) => `${fieldLabels[k] ?? k}: ${valueText(k, v, names)}`).join('; ');
  }
  return String(value);
}

/** The fields of one side of an event, each in words ("Rating: False"), or nothing. */
function Fields({ value, names }: { value: unknown; names: Names }) {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return <>{valueText('', value, names)}</>;
  const fields = Object.entries(value as Record<string, unknown>).filter(([k, v]) => !hidden.has(k) && v !== undefined);
  if (fields.length === 0) return null;
  return (
    <dl className="change-fields">
      {fields.map(([k, v]) => (
        <div key={k}>
          <dt>{fieldLabels[k] ?? k}</dt>
          <dd>{valueText(k, v, names)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Audit entries as a table: when, who, what in words, on which entity, and the fields before and after. */
export function AuditTable({ entries, caption, ratingNames }: { entries: Entry[]; caption: string; ratingNames?: ReadonlyMap<string, string> }) {
  if (entries.length === 0) return <p>No events.</p>;
  const names: Names = { ratings: ratingNames };
  return (
    <table className="table audit">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">When (UTC)</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Entity</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td>{e.createdAt.replace('T', ' ').slice(0, 19)}</td>
            <td>{e.actor?.name ?? 'system'}</td>
            <td>
              {actionLabels[e.action] ?? e.action}
              {actionLabels[e.action] && <span className="meta"> ({e.action})</span>}
            </td>
            <td>
              {e.entityType} <code>{e.entityId.slice(0, 12)}</code>
            </td>
            <td>
              <Fields value={e.before} names={names} />
            </td>
            <td>
              <Fields value={e.after} names={names} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
