import { z } from 'zod';
import { createdUserDto, createUserInput, updateUserInput, userDto } from '@/lib/validation/users';
import { pageOf, pageQuery } from '@/lib/validation/common';
import { op } from './operation';

/** The /api/v1 operations tagged Users. */
export const userOperations = {
  listUsers: op({
    method: 'GET',
    path: '/api/v1/users',
    summary: 'List users',
    tag: 'Users',
    access: 'signed-in',
    who: 'admin',
    query: pageQuery,
    response: pageOf(userDto),
    status: 200,
  }),
  createUser: op({
    method: 'POST',
    path: '/api/v1/users',
    summary: 'Create a user (without a password: returns a one-time invitation link)',
    tag: 'Users',
    access: 'signed-in',
    who: 'admin',
    body: createUserInput,
    response: createdUserDto,
    status: 201,
  }),
  getUser: op({
    method: 'GET',
    path: '/api/v1/users/{id}',
    summary: 'One user',
    tag: 'Users',
    access: 'signed-in',
    who: 'admin',
    response: userDto,
    status: 200,
  }),
  updateUser: op({
    method: 'PATCH',
    path: '/api/v1/users/{id}',
    summary:
      'Change a user’s name, roles, or disable them (their sessions end and every API token is revoked at once; enabling them again brings no token back)',
    tag: 'Users',
    access: 'signed-in',
    who: 'admin',
    body: updateUserInput,
    response: userDto,
    status: 200,
  }),
  resetUserPassword: op({
    method: 'POST',
    path: '/api/v1/users/{id}/password-reset',
    summary: 'Reset a user’s password: their sessions end, their API tokens keep working; returns a one-time link',
    tag: 'Users',
    access: 'signed-in',
    who: 'admin',
    response: z.object({ resetUrl: z.string() }),
    status: 201,
  }),
};
