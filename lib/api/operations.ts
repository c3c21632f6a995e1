// Every /api/v1 operation: route handlers take their schemas from here, the OpenAPI document is
// generated from here, and the authorization matrix test checks it against the route files.
import { z } from 'zod';
import { pageOf } from '@/lib/validation/common';
import { settingsDto, updateSettingsInput } from '@/lib/validation/settings';
import { createdTokenDto, createTokenInput, tokenDto } from '@/lib/validation/tokens';
import { createdUserDto, createUserInput, meDto, updateUserInput, userDto } from '@/lib/validation/users';

export type Access = 'public' | 'signed-in';

export interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  summary: string;
  tag: string;
  access: Access;
  /** The roles that may call it, in words, for the document. */
  who: string;
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  status: number;
}

const op = <T extends Operation>(o: T): T => o;

export const operations = {
  getMe: op({ method: 'GET', path: '/api/v1/me', summary: 'The authenticated user', tag: 'Account', access: 'signed-in', who: 'any signed-in user', response: meDto, status: 200 }),
  listTokens: op({ method: 'GET', path: '/api/v1/tokens', summary: 'Your API tokens (not revoked)', tag: 'Account', access: 'signed-in', who: 'any signed-in user', response: pageOf(tokenDto), status: 200 }),
  createToken: op({ method: 'POST', path: '/api/v1/tokens', summary: 'Create an API token; the secret is in this response only', tag: 'Account', access: 'signed-in', who: 'any signed-in user', body: createTokenInput, response: createdTokenDto, status: 201 }),
  revokeToken: op({ method: 'DELETE', path: '/api/v1/tokens/{id}', summary: 'Revoke one of your API tokens', tag: 'Account', access: 'signed-in', who: 'the token’s owner', status: 204 }),
  listUsers: op({ method: 'GET', path: '/api/v1/users', summary: 'List users', tag: 'Users', access: 'signed-in', who: 'admin', response: pageOf(userDto), status: 200 }),
  createUser: op({ method: 'POST', path: '/api/v1/users', summary: 'Create a user (without a password: returns a one-time invitation link)', tag: 'Users', access: 'signed-in', who: 'admin', body: createUserInput, response: createdUserDto, status: 201 }),
  getUser: op({ method: 'GET', path: '/api/v1/users/{id}', summary: 'One user', tag: 'Users', access: 'signed-in', who: 'admin', response: userDto, status: 200 }),
  updateUser: op({ method: 'PATCH', path: '/api/v1/users/{id}', summary: 'Change a user’s name, roles, or disable them (their sessions and tokens stop at once)', tag: 'Users', access: 'signed-in', who: 'admin', body: updateUserInput, response: userDto, status: 200 }),
  resetUserPassword: op({ method: 'POST', path: '/api/v1/users/{id}/password-reset', summary: 'Reset a user’s password: returns a one-time link', tag: 'Users', access: 'signed-in', who: 'admin', response: z.object({ resetUrl: z.string() }), status: 201 }),
  getSettings: op({ method: 'GET', path: '/api/v1/settings', summary: 'Organisation settings', tag: 'Settings', access: 'public', who: 'anyone', response: settingsDto, status: 200 }),
  updateSettings: op({ method: 'PATCH', path: '/api/v1/settings', summary: 'Change organisation settings', tag: 'Settings', access: 'signed-in', who: 'admin', body: updateSettingsInput, response: settingsDto, status: 200 }),
} satisfies Record<string, Operation>;

export type OperationId = keyof typeof operations;
