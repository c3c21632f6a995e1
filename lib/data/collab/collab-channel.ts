import 'server-only';
import pg from 'pg';
import { pool } from '@/lib/db';
import { CONNECTION_OPTIONS } from '@/lib/db/client';
import { serverEnv } from '@/lib/env';

/** The PostgreSQL channel on which the app's instances relay live collaboration to each other. */
const CHANNEL = 'factmark_collab';
/** NOTIFY refuses payloads of 8000 bytes or more; longer messages are sent in pieces of this many characters. */
export const COLLAB_NOTIFY_MAX_CHARS = 7_000;
const RECONNECT_MS = 1_000;

/** Sends one payload (ASCII, under COLLAB_NOTIFY_MAX_CHARS) to every instance listening, this one included. */
export async function notifyCollabChannel(payload: string): Promise<void> {
  await pool().query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
}

/**
 * Listens to the channel on a connection of its own (outside the pool: a LISTEN holds its connection).
 * A lost connection is opened again after a second; `onListening` runs each time listening (re)starts,
 * since payloads sent meanwhile are lost and the caller must catch up.
 */
export function listenCollabChannel(
  onPayload: (payload: string) => void,
  onListening: () => void,
  log: (line: string) => void,
): { close(): Promise<void> } {
  let client: pg.Client | null = null;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const reconnect = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void open();
    }, RECONNECT_MS);
    timer.unref();
  };

  async function open() {
    const next = new pg.Client({ connectionString: serverEnv().DATABASE_URL, options: CONNECTION_OPTIONS });
    next.on('notification', (message) => {
      if (message.channel === CHANNEL && message.payload) onPayload(message.payload);
    });
    next.on('error', (err) => {
      log(`relay connection lost: ${err.message}`);
      void next.end().catch(() => undefined);
      if (client === next) client = null;
      reconnect();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
      if (closed) {
        await next.end();
        return;
      }
      client = next;
      onListening();
    } catch (err) {
      log(`relay could not listen: ${err instanceof Error ? err.message : String(err)}`);
      void next.end().catch(() => undefined);
      reconnect();
    }
  }
  void open();

  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}
