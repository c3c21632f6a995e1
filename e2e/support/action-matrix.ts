import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import {
  apiAs,
  appBaseURL,
  createUser,
  demoAdminApi,
  sameOrigin,
  signInOverHttp,
  tokenFor,
  type Role,
  type TestUser,
} from './accounts';

/**
 * The authorization matrix of the server actions: every action the build registers × every kind of caller, each
 * signed in with a cookie session and calling the action as a page does (POST to the page with `Next-Action` and
 * React's encoded arguments). What each caller achieved is read back from the database through the API, so a
 * refusal is "nothing changed", not a message. An action the build has and this table lacks fails the first test.
 */
export const actors = ['anonymous', 'editor', 'reviewer', 'admin', 'disabled', 'otherEditor'] as const;
export type ActorName = (typeof actors)[number];
export type Outcome = 'done' | 'refused';

export interface Session {
  user: TestUser | null;
  request: APIRequestContext;
}

export interface World {
  admin: APIRequestContext;
  editorApi: APIRequestContext;
  reviewerApi: APIRequestContext;
  users: Record<'editor' | 'reviewer' | 'otherEditor' | 'admin', TestUser>;
  sessions: Record<ActorName, Session>;
}

export type Args =
  | {
      form: Record<string, string | string[]>;
      file?: { name: string; mimeType: string; buffer: Buffer };
      withState?: boolean;
    }
  | { none: true };

export interface Call {
  /** The page whose form calls the action. */
  page: string;
  args: Args;
  /** Reads back what the call achieved. */
  observe: (answer: ActionAnswer) => Promise<Outcome>;
  /** Puts back shared state the call changed (settings). */
  restore?: () => Promise<void>;
}

export interface Row {
  /** The action's export and the short name of its module (its file under lib/actions/, or its folder under app/ for an action a page keeps). */
  action: string;
  /** Builds a call for one caller; may create what it needs (a fresh object per call). */
  build: (world: World, actor: ActorName, session: Session) => Promise<Call>;
  expect: Record<ActorName, Outcome>;
  /** Each caller signs in afresh as a new user of its kind: the action ends or changes that caller's own sessions. */
  ownSessions?: boolean;
}

export const staff = (who: ActorName[]): Record<ActorName, Outcome> =>
  Object.fromEntries(actors.map((a) => [a, who.includes(a) ? 'done' : 'refused'])) as Record<ActorName, Outcome>;
export const signedIn = staff(['editor', 'reviewer', 'admin', 'otherEditor']);
export const adminOnly = staff(['admin']);
export const editorsOnly = staff(['editor', 'otherEditor']);
export const reviewersOnly = staff(['reviewer']);
export const everyone = staff([...actors]);

const requireCjs = createRequire(import.meta.url);
// React's own encoding of server action arguments, as the browser sends them.
const { encodeReply } = requireCjs('next/dist/compiled/react-server-dom-webpack/client.node.js') as {
  encodeReply: (value: unknown[]) => Promise<FormData | string>;
};

export interface ActionAnswer {
  status: number;
  /** Where the action redirected (x-action-redirect), if it did. */
  redirect: string | null;
  /** The FormState the action answered, if any. */
  state: { status?: string; message?: string; secret?: string } | null;
  setCookie: string;
}

const manifestPath = path.join(process.cwd(), '.next', 'server', 'server-reference-manifest.json');
/** Every server action of the build: its id and "exportName (short module)". */
export function buildActions(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const short = (entry.filename ?? '').replace(/^(app|lib\/actions)\//, '').replace(/\/?actions\.ts$|\.ts$/, '');
    found.set(`${entry.exportedName ?? ''} (${short})`, id);
  }
  return found;
}

export async function callAction(session: Session, id: string, call: Call): Promise<ActionAnswer> {
  const args = call.args;
  let encoded: FormData | string;
  if ('none' in args) encoded = await encodeReply([]);
  else {
    const form = new FormData();
    for (const [key, value] of Object.entries(args.form)) for (const v of [value].flat()) form.append(key, v);
    if (args.file)
      form.append('file', new Blob([new Uint8Array(args.file.buffer)], { type: args.file.mimeType }), args.file.name);
    encoded = await encodeReply(args.withState === false ? [form] : [{ status: 'idle' }, form]);
  }
  const headers = { ...sameOrigin(), 'Next-Action': id, Accept: 'text/x-component' };
  const response: APIResponse =
    typeof encoded === 'string'
      ? await session.request.post(call.page, {
          headers: { ...headers, 'Content-Type': 'text/plain;charset=UTF-8' },
          data: encoded,
          maxRedirects: 0,
        })
      : await session.request.post(call.page, { headers, multipart: encoded, maxRedirects: 0 });
  const text = await response.text();
  const stateLine = text.split('\n').find((line) => /^\w+:\{"status":"(ok|error|idle)"/.test(line));
  const state = stateLine ? (JSON.parse(stateLine.slice(stateLine.indexOf(':') + 1)) as ActionAnswer['state']) : null;
  expect(response.status(), `${call.page}: ${text.slice(0, 300)}`).toBeLessThan(500);
  return {
    status: response.status(),
    redirect: response.headers()['x-action-redirect'] ?? null,
    state,
    setCookie: response.headers()['set-cookie'] ?? '',
  };
}

export async function newSession(user: TestUser | null): Promise<Session> {
  const client = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
  const request = await playwrightRequest.newContext({
    baseURL: appBaseURL(),
    extraHTTPHeaders: { 'X-Forwarded-For': client },
  });
  if (user) await signInOverHttp(request, user.email, user.password);
  return { user, request };
}

/** Whether a password signs a user in (over HTTP, as a client does), without keeping the session. */
export async function canSignIn(email: string, password: string): Promise<boolean> {
  const session = await newSession(null);
  try {
    const { csrfToken } = (await (await session.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const answer = await session.request.post('/api/auth/callback/credentials', {
      form: { csrfToken, email, password, callbackUrl: `${appBaseURL()}/dashboard` },
      maxRedirects: 0,
    });
    return answer.status() < 400 && !(answer.headers().location ?? '').includes('error');
  } finally {
    await session.request.dispose();
  }
}

const roleOf: Record<ActorName, Role[]> = {
  anonymous: [],
  editor: ['EDITOR'],
  reviewer: ['REVIEWER'],
  admin: ['ADMIN'],
  disabled: ['EDITOR', 'REVIEWER', 'ADMIN'],
  otherEditor: ['EDITOR'],
};

/** A signed-in session of a new user of the caller's kind (a disabled one is disabled after signing in). */
async function ownSession(world: World, actor: ActorName): Promise<Session> {
  if (actor === 'anonymous') return newSession(null);
  const user = await createUser(world.admin, roleOf[actor], `action-${actor.toLowerCase()}`);
  const session = await newSession(user);
  if (actor === 'disabled')
    expect((await world.admin.patch(`/api/v1/users/${user.id}`, { data: { disabled: true } })).status()).toBe(200);
  return session;
}

export const done = (yes: boolean): Outcome => (yes ? 'done' : 'refused');
export const json = async <T>(response: APIResponse): Promise<T> => {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(200);
  return (await response.json()) as T;
};
/** A refusal for who is asking (401/403 of lib/auth/permissions), as opposed to one about the thing asked for. */
export const isAuthorizationRefusal = (answer: ActionAnswer) =>
  /sign in|roles do not allow|not allowed|disabled/i.test(answer.state?.message ?? '');

/** The rows as one serial group of tests, each caller signed in with a cookie session of a world of its own. */
export function describeActionMatrix(rows: Row[]): void {
  test.describe('server action authorization matrix', () => {
    test.describe.configure({ mode: 'serial' });
    let world: World;

    test.beforeAll(async () => {
      const admin = await demoAdminApi();
      const [editor, reviewer, otherEditor, adminUser, disabled] = await Promise.all([
        createUser(admin, ['EDITOR']),
        createUser(admin, ['REVIEWER']),
        createUser(admin, ['EDITOR']),
        createUser(admin, ['ADMIN']),
        createUser(admin, roleOf.disabled),
      ]);
      const [editorToken, reviewerToken] = await Promise.all([
        tokenFor(editor.email, editor.password),
        tokenFor(reviewer.email, reviewer.password),
      ]);
      const sessions: Record<ActorName, Session> = {
        anonymous: await newSession(null),
        editor: await newSession(editor),
        reviewer: await newSession(reviewer),
        admin: await newSession(adminUser),
        disabled: await newSession(disabled),
        otherEditor: await newSession(otherEditor),
      };
      // Signed in before being disabled: the cookie it kept must no longer count.
      expect((await admin.patch(`/api/v1/users/${disabled.id}`, { data: { disabled: true } })).status()).toBe(200);
      world = {
        admin,
        editorApi: await apiAs(appBaseURL(), editorToken.token),
        reviewerApi: await apiAs(appBaseURL(), reviewerToken.token),
        users: { editor, reviewer, otherEditor, admin: adminUser },
        sessions,
      };
    });
    test.afterAll(async () => {
      for (const session of Object.values(world.sessions)) await session.request.dispose();
    });

    // Actions that end the caller's sessions run last, each caller with sessions of its own.
    for (const row of [...rows].sort((a, b) => Number(a.ownSessions ?? false) - Number(b.ownSessions ?? false))) {
      test(row.action, async () => {
        const id = buildActions().get(row.action);
        expect(id, `${row.action} is not an action of this build`).toBeDefined();
        const results: Partial<Record<ActorName, Outcome>> = {};
        for (const actor of actors) {
          const session = row.ownSessions ? await ownSession(world, actor) : world.sessions[actor];
          const call = await row.build(world, actor, session);
          try {
            const answer = await callAction(session, id ?? '', call);
            results[actor] = await call.observe(answer);
          } finally {
            await call.restore?.();
            if (row.ownSessions) await session.request.dispose();
          }
        }
        expect(results).toEqual(row.expect);
      });
    }
  });
}
