import type { Metadata } from 'next';
import { SettingsForm } from '@/components/admin/settings-form';
import { requirePageActor } from '@/lib/data/sessions/get-actor';
import { getSettings } from '@/lib/data/settings/get-settings';

export const metadata: Metadata = { title: 'Organisation settings' };

export default async function SettingsPage() {
  await requirePageActor('/admin/settings', 'manageSettings');
  const settings = await getSettings();
  return (
    <>
      <h1>Organisation settings</h1>
      <p>Readers see these on every published fact-check; publishing needs the name, website and corrections policy.</p>
      <SettingsForm settings={settings} />
    </>
  );
}
