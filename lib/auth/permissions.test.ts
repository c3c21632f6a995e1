import { describe, expect, it } from 'vitest';
import { type AppError } from '@/lib/errors';
import { authorize, permissions, type Actor, type Role } from './permissions';

const actor = (...roles: Role[]): Actor => ({
  id: `u-${roles.join('-')}`,
  email: 'a@b.c',
  name: 'A',
  roles,
  via: 'session',
});

describe('permissions', () => {
  it('only admins manage users, settings and ratings', () => {
    for (const p of ['manageUsers', 'manageSettings', 'manageRatings'] as const) {
      expect(permissions[p](actor('ADMIN'))).toBe(true);
      expect(permissions[p](actor('EDITOR', 'REVIEWER'))).toBe(false);
    }
  });

  it('editors edit and publish; reviewers review; both comment', () => {
    expect(permissions.editArticles(actor('EDITOR'))).toBe(true);
    expect(permissions.editArticles(actor('REVIEWER'))).toBe(false);
    expect(permissions.reviewClaims(actor('REVIEWER'))).toBe(true);
    expect(permissions.reviewClaims(actor('EDITOR'))).toBe(false);
    expect(permissions.comment(actor('REVIEWER'))).toBe(true);
    expect(permissions.comment(actor('ADMIN'))).toBe(false);
  });

  it('a reviewer cannot approve a verdict they wrote or last changed', () => {
    const reviewer = actor('EDITOR', 'REVIEWER');
    expect(permissions.approveVerdict(reviewer, { authorIds: [reviewer.id, 'other'] })).toBe(false);
    expect(permissions.approveVerdict(reviewer, { authorIds: ['other', null, reviewer.id] })).toBe(false);
    expect(permissions.approveVerdict(reviewer, { authorIds: ['other', null] })).toBe(true);
    expect(permissions.approveVerdict(actor('EDITOR'), { authorIds: ['x'] })).toBe(false);
  });

  it('only a signed-in session creates tokens; a token lists and revokes its user’s tokens', () => {
    const session = actor('EDITOR');
    const token: Actor = { ...session, via: 'token' };
    expect(permissions.createOwnTokens(session)).toBe(true);
    expect(permissions.createOwnTokens(token)).toBe(false);
    expect(permissions.manageOwnTokens(token)).toBe(true);
    expect(() => authorize(token, 'createOwnTokens')).toThrow('Creating a token needs a signed-in session.');
    expect(() => authorize(actor('EDITOR'), 'manageUsers')).toThrow('Your roles do not allow this.');
  });

  it('authorize answers 401 without an actor and 403 without the role', () => {
    const status = (fn: () => void) => {
      try {
        fn();
        return 200;
      } catch (err) {
        return (err as AppError).status;
      }
    };
    expect(status(() => authorize(null, 'manageUsers'))).toBe(401);
    expect(status(() => authorize(actor('EDITOR'), 'manageUsers'))).toBe(403);
    expect(status(() => authorize(actor('ADMIN'), 'manageUsers'))).toBe(200);
  });
});
