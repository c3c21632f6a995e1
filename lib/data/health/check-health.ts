import 'server-only';
import pg from 'pg';
import { CONNECTION_OPTIONS } from '@/lib/db/client';
import { serverEnv } from '@/lib/env';

/** A health check that gets no answer within this time reports the database as down. */
const HEALTH_TIMEOUT_MS = 2_000;

// The check has a connection of its own: when imports and writers hold every connection of the app's pool,
// the database is busy, not down, and a load balancer must not take the instance out for that.
interface HealthState {
  client?: pg.Client;
  connecting?: Promise<pg.Client>;
  check?: Promise<boolean>;
}
const state = ((globalThis as unknown as { factmarkHealth?: HealthState }).factmarkHealth ??= {});

/** Forgets a connection that failed; the next check opens a new one. */
function dropClient(client: pg.Client): void {
  if (state.client === client) state.client = undefined;
  void client.end().catch(() => undefined);
}

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: serverEnv().DATABASE_URL,
    options: CONNECTION_OPTIONS,
    connectionTimeoutMillis: HEALTH_TIMEOUT_MS,
    query_timeout: HEALTH_TIMEOUT_MS,
    application_name: 'factmark-health',
  });
  // A connection lost while idle (database restart) is replaced on the next check; unheard, its error would end the process.
  client.on('error', () => dropClient(client));
  try {
    await client.connect();
  } catch (err) {
    dropClient(client);
    throw err;
  }
  state.client = client;
  return client;
}

function healthClient(): Promise<pg.Client> {
  if (state.client) return Promise.resolve(state.client);
  state.connecting ??= connect().finally(() => {
    state.connecting = undefined;
  });
  return state.connecting;
}

async function checkDatabase(): Promise<boolean> {
  let client: pg.Client | undefined;
  try {
    client = await healthClient();
    await client.query('SELECT 1');
    return true;
  } catch {
    if (client) dropClient(client);
    return false;
  }
}

/**
 * True when the database answers a trivial query within HEALTH_TIMEOUT_MS, on the check's own connection
 * (not behind the app's busy pool). Checks asked for while one is under way share its answer.
 */
export function isDatabaseHealthy(): Promise<boolean> {
  state.check ??= checkDatabase().finally(() => {
    state.check = undefined;
  });
  return state.check;
}
