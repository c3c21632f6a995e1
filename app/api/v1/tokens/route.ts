import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { createToken, listTokens } from '@/lib/data/users/api-tokens';

export const GET = apiRoute(operations.listTokens, ({ actor }) => listTokens(actor));
export const POST = apiRoute(operations.createToken, ({ actor, body }) => createToken(actor, body.name));
