import { inject } from 'vitest';
import { workerDatabase } from './test-database';

// lib/db reads DATABASE_URL: point it at this worker's own copy of the migrated database before any test imports it.
process.env.DATABASE_URL = await workerDatabase(
  inject('adminDatabaseUrl'),
  inject('templateDatabaseUrl'),
  process.env.VITEST_POOL_ID ?? '1',
);
