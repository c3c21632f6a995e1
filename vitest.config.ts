import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Outside React Server Components `server-only` throws on import; tests run the server code directly.
      { find: /^server-only$/, replacement: path.join(root, 'node_modules/server-only/empty.js') },
    ],
  },
  test: {
    include: ['{lib,scripts,prisma,app,components}/**/*.test.ts'],
    exclude: ['node_modules/**', 'lib/generated/**'],
    globalSetup: ['scripts/testing/vitest-global-setup.ts'],
    setupFiles: ['scripts/testing/vitest-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Each worker has its own copy of the database (scripts/testing/vitest-setup.ts); two, for two-core machines.
    maxWorkers: 2,
    // next-auth imports `next/server` without an extension, which Node's ESM resolver refuses outside Next.
    server: { deps: { inline: ['next-auth'] } },
  },
});
