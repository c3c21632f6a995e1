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
  uniqueSuffix,
  type Role,
  type TestUser,
} from './support/accounts';
import { addSource, markClaim, saveClaim, activeRatings, createTextArticle, submitClaim } from './support/newsroom-api';
import { claimVersion } from './support/review';

/**
 * The authorization matrix of the server actions: every action the build registers × every kind of caller, each
 * signed in with a cookie session and calling the action as a page does (POST to the page with `Next-Action` and
 * React's encoded arguments). What each caller achieved is read back from the database through the API, so a
 * refusal is "nothing changed", not a message. An action the build has and this table lacks fails the first test.
 */
const actors = ['anonymous', 'editor', 'reviewer', 'admin', 'disabled', 'otherEditor'] as const;
type ActorName = (typeof actors)[number];
type Outcome = 'done' | 'refused';

interface Session {
  user: TestUser | null;
  request: APIRequestContext;
}

interface World {
  admin: APIRequestContext;
  editorApi: APIRequestContext;
  reviewerApi: APIRequestContext;
  users: Record<'editor' | 'reviewer' | 'otherEditor' | 'admin', TestUser>;
  sessions: Record<ActorName, Session>;
}

type Args =
  | {
      form: Record<string, string | string[]>;
      file?: { name: string; mimeType: string; buffer: Buffer };
      withState?: boolean;
    }
  | { none: true };

interface Call {
  /** The page whose form calls the action. */
  page: string;
  args: Args;
  /** Reads back what the call achieved. */
  observe: (answer: ActionAnswer) => Promise<Outcome>;
  /** Puts back shared state the call changed (settings). */
  restore?: () => Promise<void>;
}

interface Row {
  /** The action's export and the short name of its module (its file under lib/actions/, or its folder under app/ for an action a page keeps). */
  action: string;
  /** Builds a call for one caller; may create what it needs (a fresh object per call). */
  build: (world: World, actor: ActorName, session: Session) => Promise<Call>;
  expect: Record<ActorName, Outcome>;
  /** Each caller signs in afresh as a new user of its kind: the action ends or changes that caller's own sessions. */
  ownSessions?: boolean;
}

const staff = (who: ActorName[]): Record<ActorName, Outcome> =>
  Object.fromEntries(actors.map((a) => [a, who.includes(a) ? 'done' : 'refused'])) as Record<ActorName, Outcome>;
const signedIn = staff(['editor', 'reviewer', 'admin', 'otherEditor']);
const adminOnly = staff(['admin']);
const editorsOnly = staff(['editor', 'otherEditor']);
const reviewersOnly = staff(['reviewer']);
const everyone = staff([...actors]);

const requireCjs = createRequire(import.meta.url);
// React's own encoding of server action arguments, as the browser sends them.
const { encodeReply } = requireCjs('next/dist/compiled/react-server-dom-webpack/client.node.js') as {
  encodeReply: (value: unknown[]) => Promise<FormData | string>;
};

interface ActionAnswer {
  status: number;
  /** Where the action redirected (x-action-redirect), if it did. */
  redirect: string | null;
  /** The FormState the action answered, if any. */
  state: { status?: string; message?: string; secret?: string } | null;
  setCookie: string;
}

const manifestPath = path.join(process.cwd(), '.next', 'server', 'server-reference-manifest.json');
/** Every server action of the build: its id and "exportName (short module)". */
function buildActions(): Map<string, string> {
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

async function callAction(session: Session, id: string, call: Call): Promise<ActionAnswer> {
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

async function newSession(user: TestUser | null): Promise<Session> {
  const client = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
  const request = await playwrightRequest.newContext({
    baseURL: appBaseURL(),
    extraHTTPHeaders: { 'X-Forwarded-For': client },
  });
  if (user) await signInOverHttp(request, user.email, user.password);
  return { user, request };
}

/** Whether a password signs a user in (over HTTP, as a client does), without keeping the session. */
async function canSignIn(email: string, password: string): Promise<boolean> {
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

const done = (yes: boolean): Outcome => (yes ? 'done' : 'refused');
const json = async <T>(response: APIResponse): Promise<T> => {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(200);
  return (await response.json()) as T;
};
/** A refusal for who is asking (401/403 of lib/auth/permissions), as opposed to one about the thing asked for. */
const isAuthorizationRefusal = (answer: ActionAnswer) =>
  /sign in|roles do not allow|not allowed|disabled/i.test(answer.state?.message ?? '');

async function article(world: World): Promise<{ id: string; claimId: string }> {
  const { id } = await createTextArticle(world.editorApi, `The sky is green ${uniqueSuffix()}. The sea is dry.`);
  return { id, claimId: await markClaim(world.editorApi, id, 'The sea is dry') };
}

async function claimInReview(world: World): Promise<string> {
  const { claimId } = await article(world);
  const rating = (await activeRatings(world.editorApi))[0]?.id;
  await saveClaim(world.editorApi, claimId, { rating, shortVerdict: 'It is not.' });
  await addSource(world.editorApi, claimId, {
    url: `https://example.org/${uniqueSuffix()}`,
    title: 'A report',
    publisher: 'Example',
    publishedAt: '2025-08-17',
    kind: 'news',
  });
  await submitClaim(world.editorApi, claimId);
  return claimId;
}

/** A comment by the reviewer on a fresh claim of the editor: the editor is notified of it. */
async function reviewerComment(world: World): Promise<{ claimId: string; commentId: string }> {
  const { claimId } = await article(world);
  const created = await world.reviewerApi.post(`/api/v1/claims/${claimId}/comments`, {
    data: { body: `Check the date ${uniqueSuffix()}.` },
  });
  expect(created.status(), await created.text()).toBe(201);
  return { claimId, commentId: ((await created.json()) as { id: string }).id };
}

interface Notice {
  id: string;
  claimId: string | null;
  read: boolean;
}
const editorNotices = async (world: World, claimId: string): Promise<Notice[]> =>
  (await json<{ items: Notice[] }>(await world.editorApi.get('/api/v1/notifications'))).items.filter(
    (n) => n.claimId === claimId,
  );

const matrix: Row[] = [
  {
    action: 'signOutAction (sessions)',
    ownSessions: true,
    build: async (_world, _actor, session) => {
      const before = (await session.request.get('/api/v1/me')).status();
      return {
        page: '/account',
        args: { none: true },
        observe: async () => done(before === 200 && (await session.request.get('/api/v1/me')).status() === 401),
      };
    },
    expect: signedIn,
  },
  {
    action: 'changePasswordAction (account)',
    ownSessions: true,
    build: async (world, _actor, session) => {
      const user = session.user ?? (await createUser(world.admin, ['EDITOR'], 'action-victim'));
      const newPassword = `changed-${uniqueSuffix()}-long-enough`;
      return {
        page: '/account',
        args: { form: { currentPassword: user.password, newPassword } },
        observe: async () => done(await canSignIn(user.email, newPassword)),
      };
    },
    expect: staff(['editor', 'reviewer', 'admin', 'otherEditor']),
  },
  {
    action: 'createTokenAction (account)',
    build: async () => ({
      page: '/account',
      args: { form: { name: `action ${uniqueSuffix()}` } },
      observe: async (answer) => {
        if (!answer.state?.secret) return 'refused';
        const api = await apiAs(appBaseURL(), answer.state.secret);
        const status = (await api.get('/api/v1/me')).status();
        await api.dispose();
        return done(status === 200);
      },
    }),
    expect: signedIn,
  },
  {
    action: 'revokeTokenAction (account)',
    build: async (world) => {
      const { id, token } = await tokenFor(world.users.editor.email, world.users.editor.password);
      return {
        page: '/account',
        args: { form: { id }, withState: false },
        observe: async () => {
          const api = await apiAs(appBaseURL(), token);
          const status = (await api.get('/api/v1/me')).status();
          await api.dispose();
          return done(status === 401);
        },
      };
    },
    // Only the token's owner: to anyone else it does not exist.
    expect: staff(['editor']),
  },
  {
    action: 'addFeedAction (claim-review-feeds)',
    build: async (world) => {
      const url = `https://feeds.example.org/${uniqueSuffix()}.json`;
      return {
        page: '/admin/feeds',
        args: { form: { url } },
        observe: async () =>
          done((await (await world.sessions.admin.request.get('/admin/feeds')).text()).includes(url)),
      };
    },
    expect: adminOnly,
  },
  {
    action: 'feedRowAction (claim-review-feeds)',
    build: async (world) => {
      const url = `https://feeds.example.org/${uniqueSuffix()}.json`;
      const ids = buildActions();
      const added = await callAction(world.sessions.admin, ids.get('addFeedAction (claim-review-feeds)') ?? '', {
        page: '/admin/feeds',
        args: { form: { url } },
        observe: async () => 'done',
      });
      expect(added.state?.status, added.state?.message).toBe('ok');
      const page = async () => (await world.sessions.admin.request.get('/admin/feeds')).text();
      const html = await page();
      const row = html.slice(html.indexOf(url));
      const id = /name="id" value="([^"]+)"/.exec(row)?.[1] ?? '';
      expect(id).not.toBe('');
      return {
        page: '/admin/feeds',
        args: { form: { id, intent: 'remove' } },
        observe: async () => done(!(await page()).includes(url)),
      };
    },
    expect: adminOnly,
  },
  {
    action: 'createRatingAction (ratings)',
    build: async (world) => {
      const label = `Action ${uniqueSuffix()}`;
      return {
        page: '/admin/ratings',
        args: { form: { label, description: 'Made by the action matrix.', colour: '#1d4ed8', value: '' } },
        observe: async () =>
          done(
            (await json<{ items: { label: string }[] }>(await world.admin.get('/api/v1/ratings'))).items.some(
              (r) => r.label === label,
            ),
          ),
      };
    },
    expect: adminOnly,
  },
  {
    action: 'updateRatingAction (ratings)',
    build: async (world) => {
      const created = await world.admin.post('/api/v1/ratings', {
        data: { label: `Action ${uniqueSuffix()}`, colour: '#1d4ed8' },
      });
      const { id } = (await created.json()) as { id: string };
      const label = `Renamed ${uniqueSuffix()}`;
      return {
        page: '/admin/ratings',
        args: { form: { id, label, description: '', colour: '#1d4ed8', value: '', active: 'on' } },
        observe: async () =>
          done(
            (
              await json<{ items: { id: string; label: string }[] }>(await world.admin.get('/api/v1/ratings'))
            ).items.some((r) => r.id === id && r.label === label),
          ),
      };
    },
    expect: adminOnly,
  },
  {
    action: 'updateSettingsAction (settings)',
    build: async (world) => {
      const before = await json<{
        name: string;
        url: string | null;
        logoUrl: string | null;
        methodologyUrl: string | null;
        correctionsPolicyUrl: string | null;
        embedOrigins: string[];
      }>(await world.admin.get('/api/v1/settings'));
      const methodologyUrl = `https://newsroom.example.org/methods-${uniqueSuffix()}`;
      return {
        page: '/admin/settings',
        args: {
          form: {
            name: before.name,
            url: before.url ?? '',
            logoUrl: before.logoUrl ?? '',
            methodologyUrl,
            correctionsPolicyUrl: before.correctionsPolicyUrl ?? '',
            embedOrigins: before.embedOrigins.join(' '),
          },
        },
        observe: async () =>
          done(
            (await json<{ methodologyUrl: string | null }>(await world.admin.get('/api/v1/settings')))
              .methodologyUrl === methodologyUrl,
          ),
        restore: async () => {
          expect(
            (await world.admin.patch('/api/v1/settings', { data: { methodologyUrl: before.methodologyUrl } })).status(),
          ).toBe(200);
        },
      };
    },
    expect: adminOnly,
  },
  {
    action: 'createUserAction (users)',
    build: async () => {
      const s = uniqueSuffix();
      const user = {
        email: `action-${s}@e2e.example.org`,
        name: `Action ${s}`,
        roles: ['REVIEWER'],
        password: `pw-${s}-long-enough`,
      };
      return {
        page: '/admin/users',
        args: { form: user },
        observe: async () => done(await canSignIn(user.email, user.password)),
      };
    },
    expect: adminOnly,
  },
  {
    action: 'updateRolesAction (users)',
    build: async (world) => {
      const { id } = await createUser(world.admin, ['EDITOR'], 'action-roles');
      return {
        page: '/admin/users',
        args: { form: { id, roles: ['EDITOR', 'REVIEWER'] } },
        observe: async () =>
          done(
            (await json<{ roles: string[] }>(await world.admin.get(`/api/v1/users/${id}`))).roles.includes('REVIEWER'),
          ),
      };
    },
    expect: adminOnly,
  },
  {
    action: 'setDisabledAction (users)',
    build: async (world) => {
      const { id } = await createUser(world.admin, ['EDITOR'], 'action-disable');
      return {
        page: '/admin/users',
        args: { form: { id, disabled: 'true' } },
        observe: async () =>
          done((await json<{ disabled: boolean }>(await world.admin.get(`/api/v1/users/${id}`))).disabled),
      };
    },
    expect: adminOnly,
  },
  {
    action: 'resetPasswordAction (users)',
    build: async (world) => {
      const { id } = await createUser(world.admin, ['EDITOR'], 'action-reset');
      // The reset link is the change: it lets whoever holds it set the password.
      return {
        page: '/admin/users',
        args: { form: { id } },
        observe: async (answer) => done(/\/set-password\?token=/.test(answer.state?.secret ?? '')),
      };
    },
    expect: adminOnly,
  },
  {
    action: 'assignAction (assignment)',
    build: async (world) => {
      const { id } = await article(world);
      const dueDate = `2031-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
      return {
        page: `/articles/${id}`,
        args: {
          form: { articleId: id, factCheckerId: world.users.editor.id, reviewerId: world.users.reviewer.id, dueDate },
        },
        // The API has no read of an assignment: the article's page shows it (the due date field's value).
        observe: async () =>
          done(
            (await (await world.sessions.editor.request.get(`/articles/${id}`)).text()).includes(`value="${dueDate}"`),
          ),
      };
    },
    expect: editorsOnly,
  },
  {
    action: 'publishAction (publications)',
    // As in the API matrix: an article with nothing approved is refused for what it is (not for who asks), and nothing is published.
    build: async (world) => {
      const { id } = await article(world);
      return {
        page: `/articles/${id}/publish`,
        args: { form: { articleId: id } },
        observe: async (answer) => {
          expect((await world.admin.get(`/api/v1/articles/${id}/publications`)).status()).toBe(404);
          return done(answer.state?.status === 'error' && !isAuthorizationRefusal(answer));
        },
      };
    },
    expect: editorsOnly,
  },
  {
    action: 'retractAction (publications)',
    build: async (world) => {
      const { id } = await article(world);
      return {
        page: `/articles/${id}/publish`,
        args: { form: { articleId: id, reason: 'A test of who may retract.' } },
        observe: async (answer) => {
          expect((await world.admin.get(`/api/v1/articles/${id}/publications`)).status()).toBe(404);
          return done(answer.state?.status === 'error' && !isAuthorizationRefusal(answer));
        },
      };
    },
    expect: editorsOnly,
  },
  ...(['pasteArticleAction', 'uploadArticleAction'] as const).map((name): Row => ({
    action: `${name} (articles)`,
    build: async (world) => {
      const title = `Action ${uniqueSuffix()}`;
      const body = 'The minister said unemployment fell to 3% last year.';
      const args: Args =
        name === 'pasteArticleAction'
          ? { form: { format: 'text', body, title } }
          : { form: { title }, file: { name: 'article.txt', mimeType: 'text/plain', buffer: Buffer.from(body) } };
      return {
        page: '/articles/new',
        args,
        observe: async () =>
          done(
            (await json<{ items: { title: string }[] }>(await world.editorApi.get('/api/v1/articles'))).items.some(
              (a) => a.title === title,
            ),
          ),
      };
    },
    expect: editorsOnly,
  })),
  {
    action: 'importArticleAction (articles)',
    // No fetch leaves this machine: an editor's import is refused for the address (unreachable), anyone else's for who they are.
    build: async () => ({
      page: '/articles/new',
      args: { form: { url: `https://news.example.invalid/${uniqueSuffix()}`, title: '' } },
      observe: async (answer) => done(answer.state?.status === 'error' && !isAuthorizationRefusal(answer)),
    }),
    expect: editorsOnly,
  },
  {
    action: 'reviewAction (reviews)',
    build: async (world) => {
      const claimId = await claimInReview(world);
      return {
        page: `/review/${claimId}`,
        args: {
          form: {
            claimId,
            decision: 'approve',
            comment: '',
            claimVersion: String(await claimVersion(world.editorApi, claimId)),
          },
        },
        observe: async () =>
          done(
            (await json<{ status: string }>(await world.editorApi.get(`/api/v1/claims/${claimId}`))).status ===
              'APPROVED',
          ),
      };
    },
    expect: reviewersOnly,
  },
  {
    action: 'commentAction (reviews)',
    build: async (world) => {
      const { claimId } = await article(world);
      const body = `Matrix comment ${uniqueSuffix()}`;
      return {
        page: `/review/${claimId}`,
        args: { form: { claimId, body } },
        observe: async () =>
          done(
            (
              await json<{ items: { body: string }[] }>(await world.editorApi.get(`/api/v1/claims/${claimId}/comments`))
            ).items.some((c) => c.body === body),
          ),
      };
    },
    expect: staff(['editor', 'reviewer', 'otherEditor']),
  },
  {
    action: 'resolveCommentAction (reviews)',
    build: async (world) => {
      const { claimId, commentId } = await reviewerComment(world);
      return {
        page: `/review/${claimId}`,
        args: { form: { id: commentId, claimId, resolved: 'true' }, withState: false },
        observe: async () =>
          done(
            (
              await json<{ items: { id: string; resolved: boolean }[] }>(
                await world.editorApi.get(`/api/v1/claims/${claimId}/comments`),
              )
            ).items.some((c) => c.id === commentId && c.resolved),
          ),
      };
    },
    expect: staff(['editor', 'reviewer', 'otherEditor']),
  },
  {
    // Each caller marks their own notifications read: only the editor's call reaches the editor's.
    action: 'markAllReadAction (reviews)',
    build: async (world) => {
      const { claimId } = await reviewerComment(world);
      expect((await editorNotices(world, claimId)).map((n) => n.read)).toEqual([false]);
      return {
        page: '/inbox',
        args: { none: true },
        observe: async () => done((await editorNotices(world, claimId)).every((n) => n.read)),
      };
    },
    expect: staff(['editor']),
  },
  {
    action: 'openNotificationAction (reviews)',
    build: async (world) => {
      const { claimId } = await reviewerComment(world);
      const [notice] = await editorNotices(world, claimId);
      return {
        page: '/inbox',
        args: { form: { id: notice?.id ?? '' }, withState: false },
        observe: async () => done((await editorNotices(world, claimId)).every((n) => n.read)),
      };
    },
    expect: staff(['editor']),
  },
  {
    // The one-time link is the authorization: whoever holds it sets the password, signed in or not.
    action: 'setPasswordAction (password-links)',
    build: async (world) => {
      const s = uniqueSuffix();
      const email = `invited-${s}@e2e.example.org`;
      const created = await world.admin.post('/api/v1/users', {
        data: { email, name: `Invited ${s}`, roles: ['EDITOR'] },
      });
      expect(created.status(), await created.text()).toBe(201);
      const { invitationUrl } = (await created.json()) as { invitationUrl: string };
      const token = new URL(invitationUrl, appBaseURL()).searchParams.get('token') ?? '';
      const password = `pw-${s}-long-enough`;
      return {
        page: '/set-password',
        args: { form: { token, password } },
        observe: async () => done(await canSignIn(email, password)),
      };
    },
    expect: everyone,
  },
  {
    // Public: whoever calls it with a user's password signs in as that user.
    action: 'signInAction (sessions)',
    build: async (world) => {
      const user = await createUser(world.admin, ['EDITOR'], 'action-sign-in');
      return {
        page: '/sign-in',
        args: { form: { email: user.email, password: user.password, callbackUrl: '/dashboard' } },
        observe: async (answer) =>
          done(/authjs\.session-token=[^;]+/.test(answer.setCookie) && answer.redirect !== null),
      };
    },
    expect: everyone,
  },
];

test('every server action of the build has a row in the action authorization matrix', () => {
  expect(matrix.map((r) => r.action).sort()).toEqual([...buildActions().keys()].sort());
});

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
  for (const row of [...matrix].sort((a, b) => Number(a.ownSessions ?? false) - Number(b.ownSessions ?? false))) {
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
