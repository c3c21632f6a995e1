import { expect } from '@playwright/test';
import { apiAs, appBaseURL, createUser, tokenFor, uniqueSuffix } from './accounts';
import {
  adminOnly,
  buildActions,
  callAction,
  canSignIn,
  done,
  everyone,
  json,
  signedIn,
  staff,
  type Row,
} from './action-matrix';

/** The action matrix's rows for sessions, accounts and passwords, users, and the newsroom's settings, feeds and ratings. */
export const adminRows: Row[] = [
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
