import type { Metadata } from 'next';
import { markAllReadAction, openNotificationAction } from '@/lib/actions/reviews';
import { LocalTime } from '@/components/ui/local-time';
import { requirePageActor } from '@/lib/data/sessions/get-actor';
import { listNotifications } from '@/lib/data/notifications/list-notifications';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

export const metadata: Metadata = { title: 'Inbox' };

export default async function InboxPage() {
  const actor = await requirePageActor('/inbox');
  const { items, unread } = await listNotifications(actor);
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
      {items.length === 0 && (
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
    </>
  );
}
