import 'server-only';
import type { OrganisationSettings } from '@/lib/generated/prisma/client';
import type { SettingsDto } from '@/lib/validation/settings';

export const toSettingsDto = (s: OrganisationSettings): SettingsDto => ({
  name: s.name,
  url: s.url,
  logoUrl: s.logoUrl,
  methodologyUrl: s.methodologyUrl,
  correctionsPolicyUrl: s.correctionsPolicyUrl,
  embedOrigins: s.embedOrigins,
});
