import type { Metadata } from 'next';
import { markAllReadAction, openNotificationAction } from '@/lib/actions/reviews';
import { LocalTime } from '@/components/ui/local-time';
import { requirePageActor } from '@/lib/data/sessions/get-actor';
import { listNotifications } from '@/lib/data/notifications/notifications';

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
          <button type="submit" className="tool">
            Mark all as read
          </button>
        </form>
      )}
      <ul className="notifications">
        {items.map((n) => (
          <li key={n.id} className={n.read ? 'read' : 'unread'}>
            {!n.read && <span className="badge">new</span>}{' '}
            {n.claimId && n.articleId ? (
              <form action={openNotificationAction} className="inline-form">
                <input type="hidden" name="id" value={n.id} />
                <button type="submit" className="link-button">
                  {n.text}
                </button>
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
