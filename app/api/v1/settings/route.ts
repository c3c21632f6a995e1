import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { getSettings, updateSettings } from '@/lib/data/settings/settings';

export const GET = apiRoute(operations.getSettings, () => getSettings());
export const PATCH = apiRoute(operations.updateSettings, ({ actor, body }) => updateSettings(actor, body));
