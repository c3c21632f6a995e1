import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { MAX_FAILED_SIGN_INS, reserveSignInAttempt } from './reserve-sign-in-attempt';

const email = () => `${randomUUID().slice(0, 8)}@attempts.test`;
const address = () => `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;

describe('reserveSignInAttempt', () => {
  it('records attempts up to the limit per account, then refuses without recording', async () => {
    const account = email();
    const ids: (string | null)[] = [];
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) ids.push(await reserveSignInAttempt(account, address()));
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(ids).size).toBe(MAX_FAILED_SIGN_INS);
    expect(await reserveSignInAttempt(account, address())).toBeNull();
    expect(await db().signInAttempt.count({ where: { email: account } })).toBe(MAX_FAILED_SIGN_INS);
    // Another account is not held back by this one's attempts.
    expect(await reserveSignInAttempt(email(), address())).toEqual(expect.any(String));
  });

  it('limits an address across accounts, and lets no more than the limit through when they arrive at once', async () => {
    const ip = address();
    const results = await Promise.all(
      Array.from({ length: MAX_FAILED_SIGN_INS + 5 }, () => reserveSignInAttempt(email(), ip)),
    );
    expect(results.filter((id) => id !== null)).toHaveLength(MAX_FAILED_SIGN_INS);
    expect(await db().signInAttempt.count({ where: { ip } })).toBe(MAX_FAILED_SIGN_INS);
  });

  it('counts only the attempts of the last window', async () => {
    const account = email();
    await db().signInAttempt.createMany({
      data: Array.from({ length: MAX_FAILED_SIGN_INS }, () => ({
        email: account,
        ip: address(),
        createdAt: new Date(Date.now() - 16 * 60 * 1000),
      })),
    });
    expect(await reserveSignInAttempt(account, address())).toEqual(expect.any(String));
  });
});
