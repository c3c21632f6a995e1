import 'server-only';
import { randomBytes } from 'node:crypto';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db, pool } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';
import type { ApiToken, Role } from '@/lib/generated/prisma/client';
import type { TokenDto } from '@/lib/validation/tokens';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { sha256 } from './password-links';

const TOKEN_PREFIX = 'fm_';
// Recording every use would write on every request; a minute's precision is enough to spot stale tokens.
const LAST_USED_PRECISION_MS = 60_000;

const toTokenDto = (t: ApiToken): TokenDto => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});

export async function listTokens(actor: Actor | null) {
  authorize(actor, 'manageOwnTokens');
  const rows = await db().apiToken.findMany({
    where: { userId: actor.id, revokedAt: null },
    orderBy: { createdAt: 'desc' },
  });
  return { items: rows.map(toTokenDto), nextCursor: null };
}

/** A new token for the actor; only a signed-in session may create one (a token may not). */
export async function createToken(actor: Actor | null, name: string) {
  authorize(actor, 'createOwnTokens');
  return issueToken(actor, actor.id, name);
}

/** For the command line, which runs with the operator's rights: a token for an enabled user by email. */
export async function issueTokenForEmail(email: string, name: string) {
  const user = await db().user.findUnique({ where: { email } });
  if (!user) throw notFound(`No user with email ${email}.`);
  if (user.disabled) throw new AppError('UNPROCESSABLE', `${email} is disabled; its tokens would not work.`);
  return issueToken(null, user.id, name);
}

async function issueToken(actor: Actor | null, userId: string, name: string) {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return db().$transaction(async (tx) => {
    // Locks the user against a concurrent disabling, which revokes every token: none may slip in after it.
    const [user] = await tx.$queryRaw<
      { disabled: boolean }[]
    >`SELECT disabled FROM "User" WHERE id = ${userId} FOR UPDATE`;
    if (!user || user.disabled) throw new AppError('UNAUTHENTICATED', 'This account is disabled.');
    const row = await tx.apiToken.create({
      data: { userId, name, tokenHash: sha256(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) },
    });
    await recordAudit(tx, actor, {
      action: 'token.create',
      entityType: 'ApiToken',
      entityId: row.id,
      after: { name, userId },
    });
    return { id: row.id, name: row.name, token };
  });
}

/** Revokes one of the actor's own tokens; someone else's token is reported as not found. */
export async function revokeToken(actor: Actor | null, id: string): Promise<void> {
  authorize(actor, 'manageOwnTokens');
  await db().$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id, userId: actor.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw notFound('No token of yours with this id.');
    await recordAudit(tx, actor, { action: 'token.revoke', entityType: 'ApiToken', entityId: id });
  });
}

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
