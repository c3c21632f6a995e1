import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

// `npm run screenshots`: the same production server and fresh database as the e2e tests, but only the
// screenshot script (not a test of anything: it writes PNGs to screenshots/, which git ignores).
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '*.screens.ts',
  workers: 1,
  reporter: 'list',
  use: { ...base.use, trace: 'off', screenshot: 'off' },
});
