import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditTimeline } from '@/components/audit/audit-timeline';
import { requirePageActor } from '@/lib/data/sessions/get-actor';
import { searchAuditLog } from '@/lib/data/audit/search-audit-log';
import { listUsers } from '@/lib/data/users/list-users';
import { auditQuery } from '@/lib/validation/reviews';
import { Button } from '@/components/ui/button';
import { DateField } from '@/components/ui/date-field';
import { Select } from '@/components/ui/select';

export const metadata: Metadata = { title: 'Audit log' };

/** What the log can be narrowed to, as the records name it (publications are the article's), and in words. */
const auditEntities = [
  { value: 'Article', label: 'Articles' },
  { value: 'Claim', label: 'Claims' },
  { value: 'User', label: 'People' },
  { value: 'ApiToken', label: 'API tokens' },
  { value: 'Rating', label: 'Ratings' },
  { value: 'OrganisationSettings', label: 'Settings' },
  { value: 'ClaimReviewFeed', label: 'ClaimReview feeds' },
  { value: 'ImportedClaim', label: 'Imported fact-checks' },
] as const;

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requirePageActor('/admin/audit', 'manageUsers');
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => v));
  const parsed = auditQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : auditQuery.parse({});
  const [log, users] = await Promise.all([searchAuditLog(actor, query), listUsers(actor, { limit: 100 })]);
  const next = log.nextCursor ? `?${new URLSearchParams({ ...raw, cursor: log.nextCursor }).toString()}` : null;
  return (
    <>
      <h1>Audit log</h1>
      <p>Every change, with who made it and what it changed. Entries can never be changed or deleted.</p>
      {!parsed.success && <p className="form-error">Some filters were not valid and were ignored.</p>}
      <form method="get" className="filters" aria-label="Filter the log">
        <Select
          id="audit-actor"
          label="Person"
          name="actor"
          defaultValue={query.actor ?? ''}
          options={[{ value: '', label: 'Anyone' }, ...users.items.map((u) => ({ value: u.id, label: u.name }))]}
        />
        <Select
          id="audit-entity"
          label="Entity"
          name="entity"
          defaultValue={query.entity ?? ''}
          options={[{ value: '', label: 'All' }, ...auditEntities]}
        />
        <DateField id="audit-from" label="From" name="from" defaultValue={query.from ?? ''} />
        <DateField id="audit-to" label="Until" name="to" defaultValue={query.to ?? ''} />
        <Button type="submit" variant="tool">
          Filter
        </Button>
      </form>
      <AuditTimeline
        entries={log.items}
        label="Audit log entries, newest first"
        names={{ people: new Map(users.items.map((u) => [u.id, u.name])) }}
      />
      {next && <Link href={next}>Older entries</Link>}
    </>
  );
}
