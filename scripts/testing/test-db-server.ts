// Runs a throwaway embedded PostgreSQL for a test run; prints "READY <admin url> <cluster> <data dir>", stops on SIGTERM.
// <cluster> is a stopped, initialised data folder that tests starting their own server copy (copyCluster) instead of
// running initdb again; <data dir> is the running server's folder, as a Factmark's own would be.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedDb } from '@/scripts/lib/embedded-db';
import { copyCluster } from './cluster-copy';

const root = await mkdtemp(path.join(tmpdir(), 'factmark-test-'));
// As root the server runs as `postgres`, which must reach the folders inside.
await chmod(root, 0o755);
const cluster = path.join(root, 'cluster');
const dataDir = path.join(root, 'server');
await (await startEmbeddedDb(cluster, 'postgres')).stop();
await copyCluster(cluster, dataDir);
const db = await startEmbeddedDb(dataDir, 'postgres');
process.stdout.write(`READY ${db.url} ${cluster} ${dataDir}\n`);
const stop = async () => {
  await db.stop();
  await rm(root, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
