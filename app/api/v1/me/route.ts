import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { getMe } from '@/lib/data/users/get-me';

export const GET = apiRoute(operations.getMe, ({ actor }) => getMe(actor));
