// People: managing users, passwords and one-time links, API tokens, the signed-in person, and sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR, type Actor } from '@/lib/auth/permissions';
import { verifyPassword } from '@/lib/auth/password';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { newActor, unique, whileAnotherWrites } from '@/scripts/testing/newsroom-fixtures';
import { refusal } from '@/scripts/testing/refusal';
import { authenticateToken } from './authenticate-token';
import { issueToken } from './issue-token';
import { listTokens } from './list-tokens';
import { revokeToken } from './revoke-token';
import { getMe } from './get-me';
import { findPasswordLink } from './find-password-link';
import { setPasswordFromLink } from './set-password-from-link';
import { endSessions } from '@/lib/data/sessions/end-sessions';
import { findSessionActor } from '@/lib/data/sessions/find-session-actor';
import { findUserForSingleSignOn } from '@/lib/data/sessions/find-user-for-single-sign-on';
import { changeOwnPassword } from './change-own-password';
import { createUser } from './create-user';
import { getUser } from './get-user';
import { listUsers } from './list-users';
import { resetPassword } from './reset-password';
import { updateUser } from './update-user';

const tokenOf = (url: string) => new URL(url, 'http://localhost').searchParams.get('token') ?? '';
const email = () => `${unique()}@people.test`;

describe('users', () => {
  let admin: Actor;
  let editor: Actor;
  beforeAll(async () => {
    [admin, editor] = await Promise.all([newActor(['ADMIN']), newActor(['EDITOR'])]);
  });
  afterAll(() => db().$disconnect());

  it('lets an admin invite a user with a one-time link that sets the password once and ends older sessions', async () => {
    const address = email();
    const created = await createUser(admin, {
      email: address,
      name: 'New Colleague',
      roles: ['EDITOR', 'EDITOR', 'REVIEWER'],
    });
    expect(created).toMatchObject({
      email: address,
      name: 'New Colleague',
      roles: ['EDITOR', 'REVIEWER'],
      disabled: false,
      invitationUrl: expect.stringMatching(/^\/set-password\?token=/),
    });
    expect(await getUser(admin, created.id)).toEqual({
      id: created.id,
      email: address,
      name: 'New Colleague',
      roles: ['EDITOR', 'REVIEWER'],
      disabled: false,
      createdAt: created.createdAt,
    });
    expect(
      await db().auditLog.count({ where: { entityId: created.id, action: 'user.create', actorId: admin.id } }),
    ).toBe(1);

    const token = tokenOf(created.invitationUrl ?? '');
    expect(await findPasswordLink(token)).toEqual({ email: address, purpose: 'invitation' });
    await setPasswordFromLink(token, 'a long new password');
    const row = await db().user.findUniqueOrThrow({ where: { id: created.id } });
    expect(await verifyPassword(row.passwordHash ?? '', 'a long new password')).toBe(true);
    expect(row.sessionVersion).toBe(1);
    expect(await findPasswordLink(token)).toBeNull();
    expect((await refusal(setPasswordFromLink(token, 'another password'))).code).toBe('NOT_FOUND');
    expect((await refusal(setPasswordFromLink('made-up', 'another password'))).code).toBe('NOT_FOUND');
  });

  it('refuses a second user with one email, and every user change from a non-admin', async () => {
    const address = email();
    await createUser(OPERATOR, { email: address, name: 'First', roles: ['REVIEWER'] });
    const taken = await refusal(createUser(admin, { email: address, name: 'Second', roles: ['EDITOR'] }));
    expect(taken.code).toBe('CONFLICT');
    expect(taken.errors[0]?.path).toBe('email');
    expect(await db().user.count({ where: { email: address } })).toBe(1);

    const target = await newActor(['REVIEWER']);
    for (const attempt of [
      () => listUsers(editor, { limit: 10 }),
      () => getUser(editor, target.id),
      () => createUser(editor, { email: email(), name: 'X', roles: ['ADMIN'] }),
      () => updateUser(editor, target.id, { roles: ['ADMIN'] }),
      () => resetPassword(editor, target.id),
    ]) {
      expect((await refusal(attempt())).code).toBe('FORBIDDEN');
    }
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).roles).toEqual(['REVIEWER']);
    expect(await db().auditLog.count({ where: { entityId: target.id } })).toBe(0);
    expect((await refusal(getUser(admin, 'no-such-user'))).code).toBe('NOT_FOUND');
    expect((await refusal(updateUser(admin, 'no-such-user', { name: 'X' }))).code).toBe('NOT_FOUND');
  });

  it('refuses with 409 a user created while another with the same email is being created', async () => {
    const address = email();
    const result = await whileAnotherWrites(
      (tx) => tx.user.create({ data: { email: address, name: 'Other admin’s', roles: ['EDITOR'] } }),
      () => createUser(admin, { email: address, name: 'Mine', roles: ['EDITOR'] }),
    );
    expect(result.status === 'rejected' && result.reason instanceof AppError ? result.reason.code : result).toBe(
      'CONFLICT',
    );
  });

  it('lets a one-time link set the password once when it is used twice at the same moment', async () => {
    const created = await createUser(admin, { email: email(), name: 'Twice', roles: ['EDITOR'] });
    const token = tokenOf(created.invitationUrl ?? '');
    const result = await whileAnotherWrites(
      (tx) =>
        tx.passwordToken.updateMany({ where: { userId: created.id, usedAt: null }, data: { usedAt: new Date() } }),
      () => setPasswordFromLink(token, 'the second password'),
    );
    expect(result.status === 'rejected' && result.reason instanceof AppError ? result.reason.code : result).toBe(
      'NOT_FOUND',
    );
    expect((await db().user.findUniqueOrThrow({ where: { id: created.id } })).passwordHash).toBeNull();
  });

  it('pages the users by cursor', async () => {
    const first = await listUsers(admin, { limit: 2 });
    expect(first.items).toHaveLength(2);
    const next = await listUsers(admin, { limit: 2, cursor: first.nextCursor ?? undefined });
    expect(next.items.map((u) => u.id)).not.toContain(first.items[0]?.id);
  });

  it('disabling a user ends their sessions and revokes their tokens for good; an admin cannot disable or demote themselves', async () => {
    const target = await newActor(['EDITOR']);
    const { token } = await issueToken(target, { name: 'laptop' });
    expect(await findSessionActor(target.id, 0)).toEqual({ ...target, via: 'session' });
    const disabled = await updateUser(admin, target.id, { disabled: true, name: 'Gone' });
    expect(disabled).toMatchObject({ disabled: true, name: 'Gone' });
    expect(await findSessionActor(target.id, 0)).toBeNull();
    expect(await findSessionActor(target.id, 1)).toBeNull();
    expect(await findUserForSingleSignOn(target.email)).toBeNull();
    expect((await refusal(authenticateToken(token))).code).toBe('UNAUTHENTICATED');
    await updateUser(admin, target.id, { disabled: false });
    expect((await refusal(authenticateToken(token))).code).toBe('UNAUTHENTICATED');
    const audit = await db().auditLog.findFirstOrThrow({
      where: { entityId: target.id, action: 'user.update' },
      orderBy: { createdAt: 'asc' },
    });
    expect(audit.after).toMatchObject({ disabled: true, tokensRevoked: 1 });

    for (const input of [{ disabled: true }, { roles: ['EDITOR' as const] }]) {
      const error = await refusal(updateUser(admin, admin.id, input));
      expect(error.code).toBe('UNPROCESSABLE');
    }
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.id } })).roles).toEqual(['ADMIN']);
  });

  it('resets a password: the old one stops working, sessions end, and a reset link sets a new one', async () => {
    const created = await createUser(admin, {
      email: email(),
      name: 'Forgetful',
      roles: ['EDITOR'],
      password: 'the old password',
    });
    expect(created.invitationUrl).toBeNull();
    const { resetUrl } = await resetPassword(admin, created.id);
    const row = await db().user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ passwordHash: null, sessionVersion: 1 });
    expect(await findPasswordLink(tokenOf(resetUrl))).toEqual({ email: created.email, purpose: 'reset' });
    // A newer link replaces an older one.
    const again = await resetPassword(admin, created.id);
    expect(await findPasswordLink(tokenOf(resetUrl))).toBeNull();
    expect(await findPasswordLink(tokenOf(again.resetUrl))).not.toBeNull();
    expect((await refusal(resetPassword(admin, 'no-such-user'))).code).toBe('NOT_FOUND');
  });

  it('changes one’s own password given the current one, ending every session; a wrong current password changes nothing', async () => {
    const created = await createUser(OPERATOR, {
      email: email(),
      name: 'Careful',
      roles: ['REVIEWER'],
      password: 'first password here',
    });
    const me: Actor = {
      id: created.id,
      email: created.email,
      name: created.name,
      roles: created.roles,
      via: 'session',
    };
    const wrong = await refusal(changeOwnPassword(me, 'not it', 'second password here'));
    expect(wrong.code).toBe('UNPROCESSABLE');
    expect(wrong.errors[0]?.path).toBe('currentPassword');
    expect((await db().user.findUniqueOrThrow({ where: { id: me.id } })).sessionVersion).toBe(0);
    await changeOwnPassword(me, 'first password here', 'second password here');
    const row = await db().user.findUniqueOrThrow({ where: { id: me.id } });
    expect(row.sessionVersion).toBe(1);
    expect(await verifyPassword(row.passwordHash ?? '', 'second password here')).toBe(true);
    expect((await refusal(changeOwnPassword(null, 'a', 'b'))).code).toBe('UNAUTHENTICATED');
  });

  it('issues, lists and revokes one’s own API tokens; a token cannot mint tokens or revoke someone else’s', async () => {
    const me = await newActor(['EDITOR']);
    const created = await issueToken(me, { name: 'CI' });
    expect(created.token).toMatch(/^fm_/);
    const listed = await listTokens(me);
    expect(listed.items).toEqual([
      expect.objectContaining({ id: created.id, name: 'CI', prefix: created.token.slice(0, 9), lastUsedAt: null }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.token);

    const viaToken = await authenticateToken(created.token);
    expect((await refusal(issueToken(viaToken, { name: 'minted' }))).code).toBe('FORBIDDEN');
    expect((await listTokens(viaToken)).items.map((t) => t.id)).toEqual([created.id]);
    expect((await refusal(revokeToken(editor, created.id))).code).toBe('NOT_FOUND');
    await revokeToken(me, created.id);
    expect((await listTokens(me)).items).toEqual([]);
    expect((await refusal(revokeToken(me, created.id))).code).toBe('NOT_FOUND');
    expect((await refusal(issueToken(null, { name: 'x' }))).code).toBe('UNAUTHENTICATED');
    expect(await db().apiToken.count({ where: { userId: me.id } })).toBe(1);
  });

  it('issues a token from the command line for an enabled user only', async () => {
    const me = await newActor(['REVIEWER']);
    const { token } = await issueToken(OPERATOR, { email: me.email, name: 'import script' });
    expect(await authenticateToken(token)).toMatchObject({ id: me.id, via: 'token' });
    expect((await refusal(issueToken(OPERATOR, { email: 'nobody@people.test', name: 'x' }))).code).toBe('NOT_FOUND');
    await db().user.update({ where: { id: me.id }, data: { disabled: true } });
    expect((await refusal(issueToken(OPERATOR, { email: me.email, name: 'x' }))).code).toBe('UNPROCESSABLE');
    expect(await db().apiToken.count({ where: { userId: me.id } })).toBe(1);
  });

  it('tells the signed-in person who they are and how they came in', async () => {
    expect(await getMe(editor)).toMatchObject({
      id: editor.id,
      email: editor.email,
      name: editor.name,
      roles: ['EDITOR'],
      authenticatedVia: 'session',
    });
    expect((await getMe({ ...editor, via: 'token' })).authenticatedVia).toBe('token');
    expect((await refusal(getMe(null))).code).toBe('UNAUTHENTICATED');
  });

  it('signs out everywhere and finds single sign-on accounts by email, case and spaces aside', async () => {
    const me = await newActor(['EDITOR']);
    expect(await findUserForSingleSignOn(`  ${me.email.toUpperCase()} `)).toEqual({
      id: me.id,
      email: me.email,
      name: me.name,
      sessionVersion: 0,
    });
    expect(await findUserForSingleSignOn('nobody@people.test')).toBeNull();
    await endSessions(me.id);
    expect(await findSessionActor(me.id, 0)).toBeNull();
    expect(await findSessionActor(me.id, 1)).toEqual(me);
    expect(await findSessionActor('no-such-user', 0)).toBeNull();
  });
});
