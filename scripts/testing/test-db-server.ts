// Runs a throwaway embedded PostgreSQL for a test run; prints "READY <admin url>", stops on SIGTERM.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedDb } from '@/scripts/lib/embedded-db';

const dir = await mkdtemp(path.join(tmpdir(), 'factmark-test-'));
const db = await startEmbeddedDb(dir, 'postgres');
process.stdout.write(`READY ${db.url}\n`);
const stop = async () => {
  await db.stop();
  await rm(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
