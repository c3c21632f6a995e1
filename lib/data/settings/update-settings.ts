import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import type { SettingsDto, UpdateSettingsInput } from '@/lib/validation/settings';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { toSettingsDto } from './settings-dto';

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
