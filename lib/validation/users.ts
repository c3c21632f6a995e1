import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-rules';
import { isoDate } from './common';

export const roleSchema = z.enum(['ADMIN', 'EDITOR', 'REVIEWER']);

export const passwordSchema = z
  .string({ error: 'Enter a password.' })
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(256, 'Use at most 256 characters.');

const emailSchema = z
  .email({ error: 'Enter a valid email address.' })
  .max(254)
  .transform((e) => e.toLowerCase());

export const createUserInput = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1, 'Enter a name.').max(120),
  roles: z.array(roleSchema).min(1, 'Give the user at least one role.').max(3),
  password: passwordSchema.optional().describe('Omit to get a one-time invitation link instead.'),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  roles: z.array(roleSchema).min(1, 'Give the user at least one role.').max(3).optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, 'Enter your current password.').max(256),
  newPassword: passwordSchema,
});

export const userDto = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  disabled: z.boolean(),
  createdAt: isoDate,
});
export type UserDto = z.infer<typeof userDto>;

export const createdUserDto = userDto.extend({
  invitationUrl: z
    .string()
    .nullable()
    .describe('One-time link that sets the password; null when a password was given.'),
});

export const meDto = userDto.omit({ disabled: true }).extend({ authenticatedVia: z.enum(['session', 'token']) });
