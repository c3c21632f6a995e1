import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createPasswordLink } from './create-password-link';
import { findPasswordLink } from './find-password-link';
import { sha256 } from '@/lib/auth/token-hash';

const newUser = () =>
  db().user.create({ data: { email: `${randomUUID().slice(0, 8)}@links.test`, name: 'Invited', roles: ['EDITOR'] } });

const tokenOf = (link: string) => new URL(link, 'http://factmark.test').searchParams.get('token') ?? '';

describe('createPasswordLink', () => {
  it('stores only the hash of a one-week token and gives the set-password link that finds it', async () => {
    const user = await newUser();
    const before = Date.now();
    const link = await db().$transaction((tx) => createPasswordLink(tx, user.id, 'invitation'));
    expect(link).toMatch(/^\/set-password\?token=[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(link);

    const [row] = await db().passwordToken.findMany({ where: { userId: user.id } });
    expect(row).toMatchObject({ purpose: 'invitation', tokenHash: sha256(token), usedAt: null });
    expect(row?.tokenHash).not.toContain(token);
    const week = 7 * 24 * 60 * 60 * 1000;
    expect(row!.expiresAt.getTime()).toBeGreaterThanOrEqual(before + week - 1000);
    expect(row!.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + week + 1000);
    expect(await findPasswordLink(token)).toEqual({ email: user.email, purpose: 'invitation' });
  });

  it('makes the user’s earlier unused links stop working', async () => {
    const user = await newUser();
    const first = tokenOf(await db().$transaction((tx) => createPasswordLink(tx, user.id, 'invitation')));
    const second = tokenOf(await db().$transaction((tx) => createPasswordLink(tx, user.id, 'reset')));
    expect(second).not.toBe(first);
    expect(await findPasswordLink(first)).toBeNull();
    expect(await findPasswordLink(second)).toEqual({ email: user.email, purpose: 'reset' });
    expect(await db().passwordToken.count({ where: { userId: user.id, usedAt: null } })).toBe(1);
  });
});
