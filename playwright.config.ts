import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// scripts/test.ts sets these; running `npx playwright test` alone uses the defaults.
const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;

/**
 * PLAYWRIGHT_CHROMIUM_PATH, else Debian's headless shell (the lighter headless build Playwright itself uses; it
 * took a quarter less CPU than the full browser in the same specs), else Debian's /usr/bin/chromium, else
 * Playwright's own browser.
 */
function chromiumPath(): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH;
  return ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path));
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : 'list',
  // Headroom for a loaded machine (npm run test:stress, or other jobs on the same cores): waits end as soon as
  // their condition holds. With a load average of 20-28 on two cores, UI journeys of 15-45 s took over 60 s.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    // A failed test keeps a screenshot of the moment it failed. Traces cost CPU in every passing test (with the
    // screencast they doubled the suite's CPU time; DOM snapshots alone added 15%), so they are recorded when
    // E2E_TRACE=1 asks for them: a failed test then keeps its trace of DOM snapshots.
    trace:
      process.env.E2E_TRACE === '1'
        ? { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: false }
        : 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath(),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node --conditions=react-server --import tsx scripts/start.ts',
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      FACTMARK_DATA_DIR: process.env.E2E_DATA_DIR ?? '.data/e2e',
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
      NEXT_TELEMETRY_DISABLED: '1',
      // The URL-import tests serve their own pages on this machine; refusal of private addresses is
      // proven by the integration tests of lib/importing without this.
      FACTMARK_ALLOW_PRIVATE_URLS: '1',
      // A machine loaded by other jobs (npm run test:stress, CI) runs an import several times slower than the
      // 15 s that production allows (the limit itself is tested with a short one in lib/importing/import-pool.test.ts).
      FACTMARK_IMPORT_TIMEOUT_MS: '60000',
      // Every test browser comes from this one machine; the tests stand in for one trusted proxy, so the last
      // X-Forwarded-For entry that e2e/support/accounts.ts `newPage` sets is each context's own address and one
      // spec's failed sign-ins never throttle another's. Without a proxy (the default, 0) the header is ignored,
      // which lib/data/sessions/sessions.test.ts proves against the database.
      FACTMARK_TRUSTED_PROXY_HOPS: '1',
    },
  },
});
