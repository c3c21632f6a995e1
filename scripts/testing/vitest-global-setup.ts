import type { TestProject } from 'vitest/node';
import { createFreshDatabase, dropDatabase, startTestServer } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    databaseUrl: string;
  }
}

/** One PostgreSQL for the run and one migrated database that tests share, each making its own rows. */
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const url = await createFreshDatabase(server.adminUrl, { migrate: true });
  project.provide('adminDatabaseUrl', server.adminUrl);
  project.provide('databaseUrl', url);
  return async () => {
    await dropDatabase(server.adminUrl, url);
    await server.stop();
  };
}
