import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { issueToken } from '@/lib/data/users/issue-token';
import { listTokens } from '@/lib/data/users/list-tokens';

export const GET = apiRoute(operations.listTokens, ({ actor }) => listTokens(actor));
export const POST = apiRoute(operations.createToken, ({ actor, body }) => issueToken(actor, body));
