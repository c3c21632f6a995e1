import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { authenticateToken } from './authenticate-token';
import { OPERATOR } from '@/lib/auth/permissions';
import { issueToken } from './issue-token';

async function userWithToken(roles: ('EDITOR' | 'REVIEWER' | 'ADMIN')[]) {
  const user = await db().user.create({
    data: { email: `${randomUUID().slice(0, 8)}@token.test`, name: 'Token holder', roles },
  });
  const { id, token } = await issueToken(OPERATOR, { email: user.email, name: 'test' });
  return { user, tokenId: id, token };
}

describe('authenticateToken', () => {
  afterAll(() => db().$disconnect());

  it('gives the token user’s identity and roles, and notes when the token was used', async () => {
    const { user, tokenId, token } = await userWithToken(['EDITOR', 'REVIEWER']);
    expect(await authenticateToken(token)).toEqual({
      id: user.id,
      email: user.email,
      name: 'Token holder',
      roles: ['EDITOR', 'REVIEWER'],
      via: 'token',
    });
    const { lastUsedAt } = await db().apiToken.findUniqueOrThrow({ where: { id: tokenId } });
    expect(Math.abs((lastUsedAt?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
  });

  it('refuses unknown and revoked tokens and the tokens of a disabled user, at once', async () => {
    const revoked = await userWithToken(['EDITOR']);
    const disabled = await userWithToken(['EDITOR']);
    await authenticateToken(revoked.token);
    await authenticateToken(disabled.token);
    await db().apiToken.update({ where: { id: revoked.tokenId }, data: { revokedAt: new Date() } });
    await db().user.update({ where: { id: disabled.user.id }, data: { disabled: true } });
    for (const token of [revoked.token, disabled.token, 'fm_unknown', 'not-a-token']) {
      await expect(authenticateToken(token)).rejects.toMatchObject({ status: 401 });
    }
  });
});
