import 'server-only';
import { decode } from 'next-auth/jwt';
import type { Actor } from '@/lib/auth/permissions';
import { findSessionActor } from '@/lib/data/sessions/find-session-actor';
import { serverEnv } from '@/lib/env';

/** What each connection carries: who it is for, and the session it was opened with (re-checked every second). */
export interface CollabContext {
  actor: Actor;
  sessionVersion?: number;
}

const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'];

function readCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return cookies;
}

/** The session cookie's value, put back together when Auth.js split a large one into `.0`, `.1`, … */
function sessionToken(cookies: Map<string, string>): { name: string; value: string } | null {
  for (const name of SESSION_COOKIES) {
    const whole = cookies.get(name);
    if (whole) return { name, value: whole };
    const chunks: string[] = [];
    for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`) ?? '');
    if (chunks.length > 0) return { name, value: chunks.join('') };
  }
  return null;
}

/** The signed-in actor of an upgrade request, from the same session cookie the pages use and checked against the database. */
export async function sessionContext(cookieHeader: string | undefined): Promise<CollabContext | null> {
  const token = sessionToken(readCookies(cookieHeader));
  const secret = serverEnv().AUTH_SECRET;
  if (!token || !secret) return null;
  const jwt = await decode({ token: token.value, secret, salt: token.name }).catch(() => null);
  if (!jwt?.uid || jwt.sv === undefined) return null;
  const actor = await findSessionActor(jwt.uid, jwt.sv);
  return actor ? { actor, sessionVersion: jwt.sv } : null;
}

export const contextOf = (value: unknown): CollabContext | null => {
  const context = value as Partial<CollabContext> | undefined;
  return context?.actor ? (context as CollabContext) : null;
};
