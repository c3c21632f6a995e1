// getActor reads the session cookie of the request in Next's request scope, and the user from the database each time.
import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { workAsyncStorage } from 'next/dist/server/app-render/work-async-storage.external';
import { workUnitAsyncStorage } from 'next/dist/server/app-render/work-unit-async-storage.external';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { endSessions } from './end-sessions';
import { getActor, requirePageActor } from './get-actor';

// Next's request scope lives in an AsyncLocalStorage that its server puts on globalThis before any route runs.
await vi.hoisted(async () => {
  const { AsyncLocalStorage } = await import('node:async_hooks');
  (globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
  process.env.AUTH_SECRET ??= 'get-actor-test-secret-0123456789';
});

const SALT = 'authjs.session-token';

async function sessionCookie(userId: string): Promise<string> {
  const { sessionVersion } = await db().user.findUniqueOrThrow({ where: { id: userId } });
  const token = await encode({
    token: { sub: userId, uid: userId, sv: sessionVersion },
    secret: process.env.AUTH_SECRET ?? '',
    salt: SALT,
  });
  return `${SALT}=${token}`;
}

/** Runs `fn` as Next runs a page: inside a request whose headers carry `cookie`. */
function inRequest<T>(cookie: string | null, fn: () => Promise<T>): Promise<T> {
  const base = { host: 'localhost:3000', 'x-forwarded-proto': 'http' };
  const headers = new Headers(cookie ? { ...base, cookie } : base);
  const workStore = { route: '/dashboard', forceStatic: false, dynamicShouldError: false, isStaticGeneration: false };
  const requestStore = { type: 'request', phase: 'render', headers };
  return workAsyncStorage.run(workStore as never, () => workUnitAsyncStorage.run(requestStore as never, fn));
}

describe('getActor', () => {
  it('gives the signed-in user with their roles from the database, and nobody without a session', async () => {
    const user = await db().user.create({
      data: { email: `${randomUUID().slice(0, 8)}@actor.test`, name: 'Signed in', roles: ['EDITOR'] },
    });
    const cookie = await sessionCookie(user.id);
    expect(await inRequest(cookie, getActor)).toEqual({
      id: user.id,
      email: user.email,
      name: 'Signed in',
      roles: ['EDITOR'],
      via: 'session',
    });
    expect(await inRequest(null, getActor)).toBeNull();
  });

  it('gives nobody once the session ended or the user was disabled, though the cookie is still valid', async () => {
    const [ended, disabled] = await Promise.all(
      ['Signed out', 'Disabled'].map((name) =>
        db().user.create({ data: { email: `${randomUUID().slice(0, 8)}@actor.test`, name, roles: ['REVIEWER'] } }),
      ),
    );
    const endedCookie = await sessionCookie(ended!.id);
    const disabledCookie = await sessionCookie(disabled!.id);
    expect(await inRequest(endedCookie, getActor)).toMatchObject({ id: ended!.id, roles: ['REVIEWER'] });
    await endSessions(ended!.id);
    await db().user.update({ where: { id: disabled!.id }, data: { disabled: true } });
    expect(await inRequest(endedCookie, getActor)).toBeNull();
    expect(await inRequest(disabledCookie, getActor)).toBeNull();
  });
});

/** Where a page's call redirected the visitor (Next's redirect throws), or null when it returned. */
async function redirectOf(work: Promise<unknown>): Promise<string | null> {
  try {
    await work;
    return null;
  } catch (err) {
    const digest = (err as { digest?: unknown }).digest;
    if (typeof digest !== 'string' || !digest.startsWith('NEXT_REDIRECT;')) throw err;
    return digest.split(';')[2] ?? '';
  }
}

describe('requirePageActor', () => {
  it('sends a visitor without a session to sign in and back, a user without the permission to 403, and lets the rest in', async () => {
    const [editor, reviewer] = await Promise.all(
      (['EDITOR', 'REVIEWER'] as const).map((role) =>
        db().user.create({ data: { email: `${randomUUID().slice(0, 8)}@actor.test`, name: role, roles: [role] } }),
      ),
    );
    const path = '/articles/a1/publish';
    expect(await redirectOf(inRequest(null, () => requirePageActor(path, 'publishArticles')))).toBe(
      '/sign-in?callbackUrl=%2Farticles%2Fa1%2Fpublish',
    );
    const reviewerCookie = await sessionCookie(reviewer!.id);
    expect(await redirectOf(inRequest(reviewerCookie, () => requirePageActor(path, 'publishArticles')))).toBe(
      '/forbidden?from=%2Farticles%2Fa1%2Fpublish',
    );
    expect(await inRequest(reviewerCookie, () => requirePageActor('/review'))).toMatchObject({ id: reviewer!.id });
    const editorCookie = await sessionCookie(editor!.id);
    expect(await inRequest(editorCookie, () => requirePageActor(path, 'publishArticles'))).toMatchObject({
      id: editor!.id,
      roles: ['EDITOR'],
    });
  });
});
