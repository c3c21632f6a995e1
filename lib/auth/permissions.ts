// The one place that decides who may do what. Pure: lib/data calls these before touching data.
import { AppError } from '@/lib/errors';

export type Role = 'ADMIN' | 'EDITOR' | 'REVIEWER';

/** The signed-in person (or token holder) an action is done for. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  roles: readonly Role[];
  /** How the request was authenticated: a token may list and revoke its user's tokens but not create one. */
  via: 'session' | 'token';
}

/**
 * Whoever runs the command line on the server (`npm run user:create`, `token:create`): they can read the database
 * anyway, so a use case the command line offers lets the operator through unchecked and records no actor.
 */
export const OPERATOR: unique symbol = Symbol('operator');
export type Operator = typeof OPERATOR;

export const hasRole = (actor: Actor, role: Role): boolean => actor.roles.includes(role);
const isStaff = (actor: Actor): boolean => actor.roles.length > 0;

/** Each permission is a predicate on the actor and, for object-level checks, the object. */
export const permissions = {
  manageUsers: (a: Actor) => hasRole(a, 'ADMIN'),
  manageSettings: (a: Actor) => hasRole(a, 'ADMIN'),
  manageRatings: (a: Actor) => hasRole(a, 'ADMIN'),
  manageClaimReviewFeeds: (a: Actor) => hasRole(a, 'ADMIN'),
  importClaimReviews: (a: Actor) => hasRole(a, 'ADMIN') || hasRole(a, 'EDITOR'),
  readNewsroom: (a: Actor) => isStaff(a),
  editArticles: (a: Actor) => hasRole(a, 'EDITOR'),
  publishArticles: (a: Actor) => hasRole(a, 'EDITOR'),
  reviewClaims: (a: Actor) => hasRole(a, 'REVIEWER'),
  comment: (a: Actor) => hasRole(a, 'EDITOR') || hasRole(a, 'REVIEWER'),
  /** Four-eyes rule: nobody reviews a verdict they wrote or last changed (its words, verdict or sources). */
  approveVerdict: (a: Actor, work: { authorIds: readonly (string | null)[] }) =>
    hasRole(a, 'REVIEWER') && !work.authorIds.includes(a.id),
  manageOwnTokens: (a: Actor) => a.via === 'session' || isStaff(a),
  /** A leaked token must not mint tokens that outlive its revocation: new ones need the person, signed in. */
  createOwnTokens: (a: Actor) => a.via === 'session',
} as const;

export type Permission = keyof typeof permissions;

/** Why a refusal happened, where "your roles" would be wrong. */
const refusals: Partial<Record<Permission, string>> = {
  createOwnTokens: 'Creating a token needs a signed-in session.',
};

/** Throws 401 without an actor and 403 when the predicate refuses. */
export function authorize<P extends Permission>(
  actor: Actor | null,
  permission: P,
  ...object: Parameters<(typeof permissions)[P]> extends [Actor, infer O] ? [O] : []
): asserts actor is Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in or send an API token to do this.');
  const predicate = permissions[permission] as (a: Actor, o?: unknown) => boolean;
  if (!predicate(actor, object[0]))
    throw new AppError('FORBIDDEN', refusals[permission] ?? 'Your roles do not allow this.');
}
