import { startEmbeddedDb } from './lib/embedded-db';
import { migrateAndSeed } from './lib/setup-database';
const db = await startEmbeddedDb('/tmp/fm-try2');
console.log(await migrateAndSeed(db.url, { demo: true }));
console.log(await migrateAndSeed(db.url, { demo: true }));
await db.stop();
process.exit(0);
