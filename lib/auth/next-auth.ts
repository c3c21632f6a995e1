import 'server-only';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import type { Provider } from 'next-auth/providers';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import { requestEnv } from '@/lib/env';
import { singleSignOnProviders } from './auth-endpoints';
import { clientAddress } from './client-address';
import { safeCallbackPath } from './safe-callback';

declare module 'next-auth' {
  interface Session {
    sessionVersion?: number;
  }
}
declare module '@auth/core/jwt' {
  interface JWT {
    uid?: string;
    sv?: number;
  }
}

class ThrottledSignIn extends CredentialsSignin {
  override code = 'throttled';
}

/** What signing in needs from the user store; lib/data/sessions supplies it, so this module stays free of the database. */
export interface UserStore {
  checkCredentials(
    email: string,
    password: string,
    ip: string,
  ): Promise<
    | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number } }
    | { ok: false; reason: string }
  >;
  findUserForSingleSignOn(email: string): Promise<{ id: string; sessionVersion: number } | null>;
}

function providers({ checkCredentials }: UserStore): Provider[] {
  const list: Provider[] = [
    Credentials({
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, request) {
        const email = typeof credentials.email === 'string' ? credentials.email : '';
        const password = typeof credentials.password === 'string' ? credentials.password : '';
        const result = await checkCredentials(email, password, clientAddress(request.headers));
        if (!result.ok) throw result.reason === 'throttled' ? new ThrottledSignIn() : new CredentialsSignin();
        return {
          id: result.user.id,
          email: result.user.email,
          name: result.user.name,
          sessionVersion: result.user.sessionVersion,
        };
      },
    }),
  ];
  // Single sign-on, switched on by configuration only: it signs in existing, enabled users by email.
  const sso = singleSignOnProviders();
  if (sso.includes('github')) list.push(GitHub);
  if (sso.includes('oidc')) {
    const env = requestEnv();
    list.push({
      id: 'oidc',
      name: env.AUTH_OIDC_NAME,
      type: 'oidc',
      issuer: env.AUTH_OIDC_ISSUER ?? '',
      clientId: env.AUTH_OIDC_ID ?? '',
      clientSecret: env.AUTH_OIDC_SECRET ?? '',
    });
  }
  return list;
}

/** The Auth.js configuration over a user store: sessions are JWTs carrying the user id and session version. */
export function createAuth(users: UserStore) {
  const { findUserForSingleSignOn } = users;
  const config: NextAuthConfig = {
    trustHost: true,
    providers: providers(users),
    session: { strategy: 'jwt', maxAge: 24 * 60 * 60, updateAge: 60 * 60 },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    logger: {
      // Auth.js logs a stack trace for every wrong password; a refused sign-in is not an error.
      error(error) {
        if (error instanceof CredentialsSignin || (error as { type?: string }).type === 'CredentialsSignin') return;
        console.error(error);
      },
    },
    callbacks: {
      // Where Auth.js sends the browser after signing in or out: only a path of this site.
      redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || '/' : url;
        return `${baseUrl}${safeCallbackPath(path)}`;
      },
      async signIn({ account, user }) {
        if (!account || account.provider === 'credentials') return true;
        return !!(user.email && (await findUserForSingleSignOn(user.email)));
      },
      async jwt({ token, user, account }) {
        if (user && account?.provider === 'credentials') {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        } else if (user?.email && account) {
          const known = await findUserForSingleSignOn(user.email);
          token.uid = known?.id;
          token.sv = known?.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        if (token.uid) session.user.id = token.uid;
        session.sessionVersion = token.sv;
        return session;
      },
    },
  };

  return NextAuth(config);
}
