import { z } from 'zod';
import { httpUrl } from './common';

/** A partner site allowed to frame the embed: scheme, host and port only (a CSP frame-ancestors source). */
const embedOrigin = z
  .string()
  .trim()
  .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, 'Enter a site as https://host (no path, no wildcard).')
  .transform((s) => s.toLowerCase());

const optionalUrl = z.union([httpUrl, z.literal('').transform(() => null), z.null()]).optional();

export const updateSettingsInput = z.strictObject({
  name: z.string().trim().min(1, 'Enter the organisation’s name.').max(120).optional(),
  url: optionalUrl,
  logoUrl: optionalUrl,
  methodologyUrl: optionalUrl,
  correctionsPolicyUrl: optionalUrl,
  embedOrigins: z.array(embedOrigin).max(20, 'Allow at most 20 sites.').optional(),
});
export type UpdateSettingsInput = z.infer<typeof updateSettingsInput>;

export const settingsDto = z.object({
  name: z.string(),
  url: z.string().nullable(),
  logoUrl: z.string().nullable(),
  methodologyUrl: z.string().nullable(),
  correctionsPolicyUrl: z.string().nullable(),
  embedOrigins: z.array(z.string()),
});
export type SettingsDto = z.infer<typeof settingsDto>;
