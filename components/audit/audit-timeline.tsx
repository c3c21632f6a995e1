import Link from 'next/link';
import { getMessages } from 'next-intl/server';
import { LocalTime } from '@/components/ui/local-time';
import {
  actionLabels,
  describeChanges,
  stateNamespaces,
  type AuditEntry,
  type AuditNames,
  type StateWords,
} from './audit-sentences';

const entityWords: Record<string, string> = {
  Article: 'Article',
  Claim: 'Claim',
  User: 'Person',
  ApiToken: 'API token',
  Rating: 'Rating',
  OrganisationSettings: 'Settings',
  Publication: 'Publication',
  ClaimReviewFeed: 'ClaimReview feed',
};

/**
 * Audit entries as a timeline that reads as sentences: "Verdict saved by Ana, 3 minutes ago" above
 * "Rating changed from False to Half true". No raw values: ids, positions and JSON stay in the API.
 */
export async function AuditTimeline({
  entries,
  label,
  names = {},
  entityHref,
}: {
  entries: AuditEntry[];
  label: string;
  names?: AuditNames;
  /** Where an entry's entity can be followed (e.g. one claim's history); none: not linked. */
  entityHref?: (entry: AuditEntry) => string | null;
}) {
  if (entries.length === 0) return <p>No events.</p>;
  const messages = await getMessages();
  const states: StateWords = Object.fromEntries(
    stateNamespaces
      .map((namespace) => [namespace, messages[namespace]])
      .filter(([, words]) => typeof words === 'object'),
  );
  const words = { ...names, states };
  return (
    <ol className="timeline" aria-label={label}>
      {entries.map((e) => {
        const changes = describeChanges(e.before, e.after, words);
        const href = entityHref?.(e) ?? null;
        return (
          <li key={e.id} className="timeline-event">
            <p className="timeline-summary">
              <strong>{actionLabels[e.action] ?? e.action}</strong> by{' '}
              <span className="timeline-actor">{e.actor?.name ?? 'the system'}</span>,{' '}
              <LocalTime iso={e.createdAt} mode="relative" />
              <span className="timeline-entity">
                {' · '}
                {href ? (
                  <Link href={href}>{entityWords[e.entityType] ?? e.entityType}</Link>
                ) : (
                  (entityWords[e.entityType] ?? e.entityType)
                )}
              </span>
            </p>
            {changes.length > 0 && (
              <ul className="timeline-changes">
                {changes.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
