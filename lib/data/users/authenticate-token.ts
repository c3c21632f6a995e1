import 'server-only';
import type { Actor } from '@/lib/auth/permissions';
import { db, pool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/generated/prisma/client';
import { TOKEN_PREFIX } from './issue-token';
import { sha256 } from '@/lib/auth/token-hash';

// Recording every use would write on every request; a minute's precision is enough to spot stale tokens.
const LAST_USED_PRECISION_MS = 60_000;

// Every API request runs this: one statement on the app's pool rather than Prisma's two (token, then user).
const TOKEN_ACTOR_SQL = `SELECT t.id, t."revokedAt", t."lastUsedAt", u.id AS "userId", u.email, u.name, u.roles::text[] AS roles, u.disabled
  FROM "ApiToken" t JOIN "User" u ON u.id = t."userId" WHERE t."tokenHash" = $1`;
interface TokenActorRow {
  id: string;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  userId: string;
  email: string;
  name: string;
  roles: Role[];
  disabled: boolean;
}

/** The actor a bearer token stands for; throws 401 for unknown, revoked or disabled users' tokens. */
export async function authenticateToken(raw: string): Promise<Actor> {
  const token = raw.startsWith(TOKEN_PREFIX)
    ? (await pool().query<TokenActorRow>(TOKEN_ACTOR_SQL, [sha256(raw)])).rows[0]
    : undefined;
  if (!token || token.revokedAt || token.disabled) {
    throw new AppError('UNAUTHENTICATED', 'This API token is not valid (unknown, revoked, or its user is disabled).');
  }
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  }
  return { id: token.userId, email: token.email, name: token.name, roles: token.roles, via: 'token' };
}
