import 'server-only';
import { randomBytes } from 'node:crypto';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { sha256 } from '@/lib/auth/token-hash';

/** What every API token starts with (tokens without it are not looked up). */
export const TOKEN_PREFIX = 'fm_';

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
