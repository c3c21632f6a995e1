// Test helper: starts the embedded database on a folder, writes a row, says READY, then waits to be killed.
import pg from 'pg';
import { startEmbeddedDb } from '@/scripts/lib/embedded-db';

const db = await startEmbeddedDb(process.argv[2] ?? '', 'factmark');
const client = new pg.Client({ connectionString: db.url });
await client.connect();
await client.query('CREATE TABLE IF NOT EXISTS survivor (note text)');
await client.query("INSERT INTO survivor VALUES ('written before SIGKILL')");
await client.end();
process.stdout.write('READY\n');
setInterval(() => {}, 1000);
