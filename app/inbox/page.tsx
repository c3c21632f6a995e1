import type { Metadata } from 'next';
import Link from 'next/link';
import { markAllReadAction, openNotificationAction } from '@/lib/actions/reviews';
import { LocalTime } from '@/components/ui/local-time';
import { requirePageActor } from '@/lib/data/sessions/get-actor';
import { listNotifications } from '@/lib/data/notifications/list-notifications';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { cursorPage } from '@/lib/validation/paging';

/** Notifications on a page, newest first; "Older notifications" goes on from the last one shown. */
const PAGE_SIZE = 50;

type Props = { searchParams: Promise<{ after?: string | string[] }> };

export const metadata: Metadata = { title: 'Inbox' };

export default async function InboxPage({ searchParams }: Props) {
  const actor = await requirePageActor('/inbox');
  const { after } = await searchParams;
  const { query, paged } = cursorPage(after, PAGE_SIZE);
  const { items, unread, nextCursor } = await listNotifications(actor, query);
  return (
    <>
      <h1>Inbox</h1>
      <p>{unread === 0 ? 'No unread notifications.' : `${unread} unread.`}</p>
      {unread > 0 && (
        <form action={markAllReadAction}>
          <Button type="submit" variant="tool">
            Mark all as read
          </Button>
        </form>
      )}
      {items.length === 0 && !paged && (
        <EmptyState>
          No notifications yet: you will hear here when a claim is assigned, reviewed or commented on.
        </EmptyState>
      )}
      <ul className="notifications">
        {items.map((n) => (
          <li key={n.id} className={n.read ? 'read' : 'unread'}>
            {!n.read && <Badge tone="info">new</Badge>}{' '}
            {n.claimId && n.articleId ? (
              <form action={openNotificationAction} className="inline-form">
                <input type="hidden" name="id" value={n.id} />
                <Button type="submit" variant="link">
                  {n.text}
                </Button>
              </form>
            ) : (
              n.text
            )}{' '}
            <span className="meta">
              <LocalTime iso={n.createdAt} mode="relative" />
            </span>
          </li>
        ))}
      </ul>
      {(paged || nextCursor) && (
        <nav className="pagination" aria-label="Inbox pages">
          {paged && <Link href="/inbox">Newest notifications</Link>}{' '}
          {nextCursor && (
            <Link href={`/inbox?after=${encodeURIComponent(nextCursor)}`} rel="next">
              Older notifications →
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
