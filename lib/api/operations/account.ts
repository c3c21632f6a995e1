import { createdTokenDto, createTokenInput, tokenDto } from '@/lib/validation/tokens';
import { meDto } from '@/lib/validation/users';
import { pageOf } from '@/lib/validation/common';
import { op } from './operation';

/** The /api/v1 operations tagged Account. */
export const accountOperations = {
  getMe: op({
    method: 'GET',
    path: '/api/v1/me',
    summary: 'The authenticated user',
    tag: 'Account',
    access: 'signed-in',
    who: 'any signed-in user',
    response: meDto,
    status: 200,
  }),
  listTokens: op({
    method: 'GET',
    path: '/api/v1/tokens',
    summary: 'Your API tokens (not revoked); a session or one of your tokens may list them',
    tag: 'Account',
    access: 'signed-in',
    who: 'any signed-in user',
    response: pageOf(tokenDto),
    status: 200,
  }),
  createToken: op({
    method: 'POST',
    path: '/api/v1/tokens',
    summary:
      'Create an API token; the secret is in this response only. Needs a signed-in session: a bearer token gets 403',
    tag: 'Account',
    access: 'signed-in',
    who: 'any user signed in with a session (not a token)',
    body: createTokenInput,
    response: createdTokenDto,
    status: 201,
  }),
  revokeToken: op({
    method: 'DELETE',
    path: '/api/v1/tokens/{id}',
    summary: 'Revoke one of your API tokens (with a session or any of your tokens, this one included)',
    tag: 'Account',
    access: 'signed-in',
    who: 'the token’s owner',
    status: 204,
  }),
};
