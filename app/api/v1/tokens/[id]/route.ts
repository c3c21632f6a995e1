import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { revokeToken } from '@/lib/data/users/revoke-token';

export const DELETE = apiRoute(operations.revokeToken, ({ actor, params }) => revokeToken(actor, params.id ?? ''));
