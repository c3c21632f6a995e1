import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { listNotifications } from '@/lib/data/notifications/list-notifications';

export const GET = apiRoute(operations.listNotifications, ({ actor, query }) => listNotifications(actor, query));
