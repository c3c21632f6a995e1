import { z } from 'zod';
import { httpUrl } from './common';

const optionalUrl = z.union([httpUrl, z.literal('').transform(() => null), z.null()]).optional();

export const updateSettingsInput = z.strictObject({
  name: z.string().trim().min(1, 'Enter the organisation’s name.').max(120).optional(),
  url: optionalUrl,
  logoUrl: optionalUrl,
  methodologyUrl: optionalUrl,
  correctionsPolicyUrl: optionalUrl,
});
export type UpdateSettingsInput = z.infer<typeof updateSettingsInput>;

export const settingsDto = z.object({
  name: z.string(),
  url: z.string().nullable(),
  logoUrl: z.string().nullable(),
  methodologyUrl: z.string().nullable(),
  correctionsPolicyUrl: z.string().nullable(),
});
export type SettingsDto = z.infer<typeof settingsDto>;
