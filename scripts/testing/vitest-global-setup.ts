import type { TestProject } from 'vitest/node';
import { createFreshDatabase, dropDatabase, dropDatabasesLike, startTestServer } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    databaseUrl: string;
    templateDatabaseUrl: string;
    /** A stopped, initialised embedded cluster to copy (see cluster-copy.ts); '' on DATABASE_URL's server. */
    embeddedCluster: string;
    /** The running embedded server's data folder, as a running Factmark's; '' on DATABASE_URL's server. */
    embeddedDataDir: string;
  }
}

/**
 * One PostgreSQL for the run and one migrated template database. Each worker copies the template once (see
 * vitest-setup.ts) so two workers never share rows; `databaseUrl` is one more copy, for tests that connect
 * directly. Tests make their own rows either way.
 */
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const template = await createFreshDatabase(server.adminUrl, { migrate: true });
  const shared = await createFreshDatabase(server.adminUrl, { migrate: false, template });
  project.provide('adminDatabaseUrl', server.adminUrl);
  project.provide('templateDatabaseUrl', template);
  project.provide('databaseUrl', shared);
  project.provide('embeddedCluster', server.cluster);
  project.provide('embeddedDataDir', server.dataDir);
  return async () => {
    await dropDatabasesLike(server.adminUrl, template);
    await dropDatabase(server.adminUrl, shared);
    await dropDatabase(server.adminUrl, template);
    await server.stop();
  };
}
