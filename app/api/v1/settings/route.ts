import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { getSettings } from '@/lib/data/settings/get-settings';
import { updateSettings } from '@/lib/data/settings/update-settings';

export const GET = apiRoute(operations.getSettings, () => getSettings());
export const PATCH = apiRoute(operations.updateSettings, ({ actor, body }) => updateSettings(actor, body));
