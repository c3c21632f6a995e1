import { settingsDto, updateSettingsInput } from '@/lib/validation/settings';
import { op } from './operation';

/** The /api/v1 operations tagged Settings. */
export const settingsOperations = {
  getSettings: op({
    method: 'GET',
    path: '/api/v1/settings',
    summary: 'Organisation settings',
    tag: 'Settings',
    access: 'public',
    who: 'anyone',
    response: settingsDto,
    status: 200,
  }),
  updateSettings: op({
    method: 'PATCH',
    path: '/api/v1/settings',
    summary: 'Change organisation settings',
    tag: 'Settings',
    access: 'signed-in',
    who: 'admin',
    body: updateSettingsInput,
    response: settingsDto,
    status: 200,
  }),
};
