import 'server-only';
import { randomBytes } from 'node:crypto';
import { authorize, OPERATOR, type Actor, type Operator } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { sha256 } from '@/lib/auth/token-hash';

/** What every API token starts with (tokens without it are not looked up). */
export const TOKEN_PREFIX = 'fm_';

interface CreatedToken {
  id: string;
  name: string;
  token: string;
}

/**
 * A new API token: for the actor, who must be signed in (a token may not mint one), or, for the operator at the
 * command line, for the enabled user with `email`.
 */
export async function issueToken(actor: Actor | null, input: { name: string }): Promise<CreatedToken>;
export async function issueToken(operator: Operator, input: { name: string; email: string }): Promise<CreatedToken>;
export async function issueToken(
  caller: Actor | null | Operator,
  input: { name: string; email?: string },
): Promise<CreatedToken> {
  if (caller !== OPERATOR) authorize(caller, 'createOwnTokens');
  const actor = caller === OPERATOR ? null : caller;
  const userId = caller === OPERATOR ? await enabledUserId(input.email ?? '') : caller.id;
  const { name } = input;
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

async function enabledUserId(email: string): Promise<string> {
  const user = await db().user.findUnique({ where: { email } });
  if (!user) throw notFound(`No user with email ${email}.`);
  if (user.disabled) throw new AppError('UNPROCESSABLE', `${email} is disabled; its tokens would not work.`);
  return user.id;
}
