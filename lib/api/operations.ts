// Every /api/v1 operation: route handlers take their schemas from here, the OpenAPI document is
// generated from here, and the authorization matrix test checks it against the route files.
import { z } from 'zod';
import { articleDto, articleSummaryDto, claimDto, createArticleInput, createClaimInput, updateArticleInput } from '@/lib/validation/articles';
import { pageOf, pageQuery } from '@/lib/validation/common';
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
  listUsers: op({ method: 'GET', path: '/api/v1/users', summary: 'List users', tag: 'Users', access: 'signed-in', who: 'admin', query: pageQuery, response: pageOf(userDto), status: 200 }),
  createUser: op({ method: 'POST', path: '/api/v1/users', summary: 'Create a user (without a password: returns a one-time invitation link)', tag: 'Users', access: 'signed-in', who: 'admin', body: createUserInput, response: createdUserDto, status: 201 }),
  getUser: op({ method: 'GET', path: '/api/v1/users/{id}', summary: 'One user', tag: 'Users', access: 'signed-in', who: 'admin', response: userDto, status: 200 }),
  updateUser: op({ method: 'PATCH', path: '/api/v1/users/{id}', summary: 'Change a user’s name, roles, or disable them (their sessions and tokens stop at once)', tag: 'Users', access: 'signed-in', who: 'admin', body: updateUserInput, response: userDto, status: 200 }),
  resetUserPassword: op({ method: 'POST', path: '/api/v1/users/{id}/password-reset', summary: 'Reset a user’s password: returns a one-time link', tag: 'Users', access: 'signed-in', who: 'admin', response: z.object({ resetUrl: z.string() }), status: 201 }),
  getSettings: op({ method: 'GET', path: '/api/v1/settings', summary: 'Organisation settings', tag: 'Settings', access: 'public', who: 'anyone', response: settingsDto, status: 200 }),
  updateSettings: op({ method: 'PATCH', path: '/api/v1/settings', summary: 'Change organisation settings', tag: 'Settings', access: 'signed-in', who: 'admin', body: updateSettingsInput, response: settingsDto, status: 200 }),
  listArticles: op({ method: 'GET', path: '/api/v1/articles', summary: 'List articles, newest first', tag: 'Articles', access: 'signed-in', who: 'any staff member', query: pageQuery, response: pageOf(articleSummaryDto), status: 200 }),
  createArticle: op({ method: 'POST', path: '/api/v1/articles', summary: 'Create an article from text, Markdown or HTML (`{format, body}`) or import it from a URL (`{url}`)', tag: 'Articles', access: 'signed-in', who: 'editor', body: createArticleInput, response: articleDto, status: 201 }),
  getArticle: op({ method: 'GET', path: '/api/v1/articles/{id}', summary: 'One article with its content (Tiptap JSON), plain text, version and claims', tag: 'Articles', access: 'signed-in', who: 'any staff member', response: articleDto, status: 200 }),
  updateArticle: op({ method: 'PATCH', path: '/api/v1/articles/{id}', summary: 'Save title and/or content; 409 when baseVersion is stale. Claims follow the document.', tag: 'Articles', access: 'signed-in', who: 'editor', body: updateArticleInput, response: articleDto, status: 200 }),
  listClaims: op({ method: 'GET', path: '/api/v1/articles/{id}/claims', summary: 'The article’s claims in document order (`?deleted=true`: those deleted in the last 30 days)', tag: 'Claims', access: 'signed-in', who: 'any staff member', query: z.strictObject({ deleted: z.enum(['true', 'false']).optional() }), response: pageOf(claimDto), status: 200 }),
  createClaim: op({ method: 'POST', path: '/api/v1/articles/{id}/claims', summary: 'Mark the words found by `quote` (or `position`) as a claim; 422 when not found or ambiguous', tag: 'Claims', access: 'signed-in', who: 'editor', body: createClaimInput, response: claimDto, status: 201 }),
  getClaim: op({ method: 'GET', path: '/api/v1/claims/{id}', summary: 'One claim', tag: 'Claims', access: 'signed-in', who: 'any staff member', response: claimDto, status: 200 }),
  deleteClaim: op({ method: 'DELETE', path: '/api/v1/claims/{id}', summary: 'Delete a claim and its highlight (restorable for 30 days)', tag: 'Claims', access: 'signed-in', who: 'editor', status: 204 }),
  restoreClaim: op({ method: 'POST', path: '/api/v1/claims/{id}/restore', summary: 'Restore a claim deleted in the last 30 days', tag: 'Claims', access: 'signed-in', who: 'editor', response: claimDto, status: 200 }),
} satisfies Record<string, Operation>;

export type OperationId = keyof typeof operations;
