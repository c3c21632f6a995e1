// The app's one HTTP server, started by scripts/start.ts as its child: Next's pages and API, and the /collab
// WebSocket of live collaboration (lib/collab/server.ts), on one port. Other upgrades (dev HMR) go to Next.
import http from 'node:http';
import path from 'node:path';
import next from 'next';

const root = path.resolve(import.meta.dirname, '..', '..');
const isDev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const log = (line: string) => process.stderr.write(`factmark: ${line}\n`);

const app = next({ dev: isDev, dir: root, hostname: 'localhost', port, ...(isDev ? { turbopack: true } : {}) });
await app.prepare();
const handleRequest = app.getRequestHandler();
const handleNextUpgrade = app.getUpgradeHandler();
// Loaded after Next so that lib/env and the database pool read the environment the start script gave. Live
// documents run on their own thread (lib/collab/collab-thread.ts): converting a 2 MB article stalls no request.
const { collabThread } = await import('@/lib/collab/collab-thread');
const collab = collabThread();

const server = http.createServer((req, res) => void handleRequest(req, res));
// Idle connections stay open longer than load balancers and API clients keep theirs (60 s is common):
// a server closing first races the client's next request on that socket (ECONNRESET).
if (!isDev) server.keepAliveTimeout = 75_000;
server.on('upgrade', (req, socket, head) => {
  if (new URL(req.url ?? '/', 'http://localhost').pathname === '/collab') collab.handleUpgrade(req, socket, head);
  else void handleNextUpgrade(req, socket, head);
});

let stopping = false;
async function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  log(`server stopping (${signal})…`);
  setTimeout(() => process.exit(0), 15_000).unref();
  // Live documents are saved before the database goes away; a stuck save does not hold the exit for long.
  await Promise.race([collab.close(), new Promise((r) => setTimeout(r, 10_000).unref())]);
  server.close();
  server.closeAllConnections();
  await Promise.race([app.close().catch(() => undefined), new Promise((r) => setTimeout(r, 3_000).unref())]);
  process.exit(0);
}
process.on('SIGINT', (s) => void stop(s));
process.on('SIGTERM', (s) => void stop(s));

server.listen(port, () => log(`ready on port ${port} (HTTP and the /collab WebSocket)`));
