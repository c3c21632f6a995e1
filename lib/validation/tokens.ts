import { z } from 'zod';
import { isoDate } from './common';

export const createTokenInput = z.strictObject({
  name: z.string().trim().min(1, 'Name the token (what it is for).').max(80),
});

export const tokenDto = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the token, to recognise it.'),
  createdAt: isoDate,
  lastUsedAt: isoDate.nullable(),
});
export type TokenDto = z.infer<typeof tokenDto>;

export const createdTokenDto = z.object({
  id: z.string(),
  name: z.string(),
  token: z.string().describe('The secret, shown only in this response.'),
});
