import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import type { OrganisationSettings } from '@/lib/generated/prisma/client';
import type { SettingsDto, UpdateSettingsInput } from '@/lib/validation/settings';
import { recordAudit } from '@/lib/data/audit/record-audit';

const toSettingsDto = (s: OrganisationSettings): SettingsDto => ({
  name: s.name,
  url: s.url,
  logoUrl: s.logoUrl,
  methodologyUrl: s.methodologyUrl,
  correctionsPolicyUrl: s.correctionsPolicyUrl,
  embedOrigins: s.embedOrigins,
});

/** The organisation's public identity: readers see it on every published page, so anyone may read it. */
export async function getSettings(): Promise<SettingsDto> {
  const row = await db().organisationSettings.upsert({
    where: { id: 'default' },
    create: { id: 'default' },
    update: {},
  });
  return toSettingsDto(row);
}

export async function updateSettings(actor: Actor | null, input: UpdateSettingsInput): Promise<SettingsDto> {
  authorize(actor, 'manageSettings');
  return db().$transaction(async (tx) => {
    const before = await tx.organisationSettings.upsert({
      where: { id: 'default' },
      create: { id: 'default' },
      update: {},
    });
    const after = await tx.organisationSettings.update({ where: { id: 'default' }, data: input });
    await recordAudit(tx, actor, {
      action: 'settings.update',
      entityType: 'OrganisationSettings',
      entityId: 'default',
      before: toSettingsDto(before),
      after: toSettingsDto(after),
    });
    return toSettingsDto(after);
  });
}

/** The partner sites allowed to frame /a/{slug}/embed (the embed page's frame-ancestors). */
export async function getEmbedOrigins(): Promise<string[]> {
  return (await getSettings()).embedOrigins;
}
