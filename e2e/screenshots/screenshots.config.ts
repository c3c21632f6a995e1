import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import base from '@/playwright.config';

// `npm run screenshots`: the same production server and fresh database as the e2e tests, but only the
// screenshot script (not a test of anything: it writes PNGs to screenshots/, which git ignores).
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '*.screens.ts',
  workers: 1,
  reporter: 'list',
  use: { ...base.use, trace: 'off', screenshot: 'off' },
  // The server command is relative to the project, not to this folder.
  webServer: base.webServer && !Array.isArray(base.webServer) ? { ...base.webServer, cwd: fileURLToPath(new URL('../..', import.meta.url)) } : base.webServer,
});
