import { requestEnv } from '@/lib/env';

/** Single sign-on providers switched on by configuration (see .env.example). */
export function singleSignOnProviders(): ('github' | 'oidc')[] {
  const env = requestEnv();
  const ids: ('github' | 'oidc')[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) ids.push('github');
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET) ids.push('oidc');
  return ids;
}

/**
 * The Auth.js endpoints under /api/auth that stay reachable: the HTTP password sign-in and its CSRF token,
 * and the start and callback of configured single sign-on. The rest (its own sign-in and sign-out pages,
 * session, providers, error) is closed: the app signs in at /sign-in and out at /sign-out, which ends
 * every session; Auth.js's own sign-out only dropped the cookie of one browser.
 */
export function isAuthEndpointOpen(method: 'GET' | 'POST', pathname: string): boolean {
  const match = /^\/api\/auth\/([a-z-]+)(?:\/([a-z0-9-]+))?\/?$/.exec(pathname);
  if (!match) return false;
  const [, action, provider] = match;
  const sso = singleSignOnProviders() as string[];
  if (action === 'csrf') return method === 'GET' && !provider;
  if (action === 'callback')
    return provider === 'credentials' ? method === 'POST' : !!provider && sso.includes(provider);
  if (action === 'signin') return method === 'POST' && !!provider && sso.includes(provider);
  return false;
}
