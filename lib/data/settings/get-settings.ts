import 'server-only';
import { db } from '@/lib/db';
import type { SettingsDto } from '@/lib/validation/settings';
import { toSettingsDto } from './settings-dto';

/** The organisation's public identity: readers see it on every published page, so anyone may read it. */
export async function getSettings(): Promise<SettingsDto> {
  const row = await db().organisationSettings.upsert({
    where: { id: 'default' },
    create: { id: 'default' },
    update: {},
  });
  return toSettingsDto(row);
}
