import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { clientAddress, PEER_ADDRESS_HEADER } from '@/lib/auth/client-address';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { db } from '@/lib/db';
import { checkCredentials, dummyPasswordHash } from './check-credentials';
import { MAX_FAILED_SIGN_INS } from './reserve-sign-in-attempt';

const unique = () => randomUUID().slice(0, 8);
const uniqueAddress = () => `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;

async function userWithPassword(password: string) {
  return db().user.create({
    data: {
      email: `${unique()}@sign-in.test`,
      name: 'Signs in',
      roles: ['EDITOR'],
      passwordHash: await hashPassword(password),
    },
  });
}

/** The real verifier, noting each hash it was asked to check. */
function recordingVerifier() {
  const checked: string[] = [];
  const verify = (hash: string, password: string) => {
    checked.push(hash);
    return verifyPassword(hash, password);
  };
  return { checked, verify };
}

describe('checkCredentials', () => {
  afterAll(() => db().$disconnect());
  afterEach(() => {
    delete process.env.FACTMARK_TRUSTED_PROXY_HOPS;
  });

  it('lets no more than the limit of 30 concurrent wrong passwords and the right one be checked', async () => {
    const user = await userWithPassword('the-right-password');
    const { checked, verify } = recordingVerifier();
    const attempts = [
      ...Array.from({ length: 30 }, (_, i) => checkCredentials(user.email, `wrong-${i}`, uniqueAddress(), verify)),
      checkCredentials(user.email, 'the-right-password', uniqueAddress(), verify),
    ];
    const results = await Promise.all(attempts);
    expect(checked.length).toBeLessThanOrEqual(MAX_FAILED_SIGN_INS);
    expect(results.filter((r) => r.ok === false && r.reason === 'throttled').length).toBeGreaterThanOrEqual(
      31 - MAX_FAILED_SIGN_INS,
    );
    expect(await checkCredentials(user.email, 'the-right-password', uniqueAddress(), verify)).toEqual({
      ok: false,
      reason: 'throttled',
    });
    expect(await db().signInAttempt.count({ where: { email: user.email } })).toBeLessThanOrEqual(MAX_FAILED_SIGN_INS);
  });

  it('counts an address once, whatever X-Forwarded-For says, when no proxy is trusted', async () => {
    const peer = uniqueAddress();
    const { checked, verify } = recordingVerifier();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      const headers = new Headers({
        [PEER_ADDRESS_HEADER]: peer,
        'x-forwarded-for': `198.51.100.${i}, 203.0.113.${i}`,
      });
      expect(await checkCredentials(`${unique()}@nobody.test`, 'guess', clientAddress(headers), verify)).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
    const spoofed = new Headers({ [PEER_ADDRESS_HEADER]: peer, 'x-forwarded-for': '192.0.2.77' });
    expect(await checkCredentials(`${unique()}@nobody.test`, 'guess', clientAddress(spoofed), verify)).toEqual({
      ok: false,
      reason: 'throttled',
    });
    expect(checked).toHaveLength(MAX_FAILED_SIGN_INS);
  });

  it('trusts the proxy’s entry only when FACTMARK_TRUSTED_PROXY_HOPS says there is one', async () => {
    process.env.FACTMARK_TRUSTED_PROXY_HOPS = '1';
    const peer = uniqueAddress();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      const headers = new Headers({
        [PEER_ADDRESS_HEADER]: peer,
        'x-forwarded-for': `198.51.100.${i}, ${peer}-client`,
      });
      await checkCredentials(`${unique()}@nobody.test`, 'guess', clientAddress(headers));
    }
    const headers = new Headers({ [PEER_ADDRESS_HEADER]: peer, 'x-forwarded-for': `6.6.6.6, ${peer}-client` });
    expect(await checkCredentials(`${unique()}@nobody.test`, 'guess', clientAddress(headers))).toEqual({
      ok: false,
      reason: 'throttled',
    });
    const other = new Headers({ [PEER_ADDRESS_HEADER]: peer, 'x-forwarded-for': `${peer}-another` });
    expect(await checkCredentials(`${unique()}@nobody.test`, 'guess', clientAddress(other))).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('verifies an Argon2 hash made like real ones for unknown and disabled accounts, as for known ones', async () => {
    const known = await userWithPassword('known-password');
    const disabled = await userWithPassword('disabled-password');
    await db().user.update({ where: { id: disabled.id }, data: { disabled: true } });
    const { checked, verify } = recordingVerifier();
    expect(await checkCredentials(known.email, 'wrong', uniqueAddress(), verify)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await checkCredentials(`${unique()}@nobody.test`, 'wrong', uniqueAddress(), verify)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await checkCredentials(disabled.email, 'disabled-password', uniqueAddress(), verify)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const dummy = await dummyPasswordHash();
    expect(checked).toEqual([known.passwordHash, dummy, dummy]);
    const parameters = (hash: string) => hash.split('$').slice(1, 4).join('$');
    expect(parameters(dummy)).toBe(parameters(known.passwordHash ?? ''));
    expect(parameters(dummy)).toMatch(/^argon2id\$v=19\$m=\d+,t=\d+,p=\d+$/);
  });

  it('signs in with the right password and does not count the success', async () => {
    const user = await userWithPassword('right-password');
    const result = await checkCredentials(` ${user.email.toUpperCase()} `, 'right-password', uniqueAddress());
    expect(result).toMatchObject({ ok: true, user: { id: user.id, email: user.email } });
    expect(await db().signInAttempt.count({ where: { email: user.email } })).toBe(0);
  });

  it('answers an address no account can have (a NUL, 30 KB) as a wrong password, without a database error', async () => {
    const ip = uniqueAddress();
    for (const email of ['a\u0000b@sign-in.test', `${'x'.repeat(30_000)}@sign-in.test`, 'tab\tin@sign-in.test']) {
      expect(await checkCredentials(email, 'whatever', ip)).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await db().signInAttempt.count({ where: { ip } })).toBe(0);
  });
});
