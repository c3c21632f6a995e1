import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditTimeline } from '@/components/audit/audit-timeline';
import { requirePageActor } from '@/lib/data/sessions/get-actor';
import { searchAuditLog } from '@/lib/data/audit/search-audit-log';
import { listUsers } from '@/lib/data/users/list-users';
import { auditQuery } from '@/lib/validation/reviews';
import { Button } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Audit log' };

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
        <label htmlFor="audit-actor">Person</label>
        <select id="audit-actor" name="actor" defaultValue={query.actor ?? ''}>
          <option value="">Anyone</option>
          {users.items.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <label htmlFor="audit-entity">Entity</label>
        <select id="audit-entity" name="entity" defaultValue={query.entity ?? ''}>
          <option value="">All</option>
          {['Article', 'Claim', 'User', 'ApiToken', 'Rating', 'OrganisationSettings', 'Publication'].map((e) => (
            <option key={e} value={e}>
              {e}
            </option>
          ))}
        </select>
        <label htmlFor="audit-from">From</label>
        <input id="audit-from" name="from" type="date" defaultValue={query.from ?? ''} />
        <label htmlFor="audit-to">To</label>
        <input id="audit-to" name="to" type="date" defaultValue={query.to ?? ''} />
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
