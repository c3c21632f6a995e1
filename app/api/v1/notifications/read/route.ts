import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { markNotificationsRead } from '@/lib/data/notifications/mark-notifications-read';

export const POST = apiRoute(operations.readNotifications, ({ actor, body }) => markNotificationsRead(actor, body.ids));
