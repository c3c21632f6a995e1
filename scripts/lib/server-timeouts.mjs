// Preloaded into `next start` by scripts/start.ts (`node --import`): time limits for every HTTP server the
// process creates, so a client that sends its headers or body slowly cannot hold a socket for minutes.
// Node's defaults (headers 60 s, whole request 300 s, checked every 30 s) let a few hundred slow clients
// keep the server's sockets busy. Next's own `--keepAliveTimeout` (set by start.ts) still applies.
import http from 'node:http';

const fromEnv = (name, fallback) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
const headersTimeout = fromEnv('FACTMARK_HEADERS_TIMEOUT_MS', 10_000);
const requestTimeout = Math.max(headersTimeout, fromEnv('FACTMARK_REQUEST_TIMEOUT_MS', 120_000));

const createServer = http.createServer;
http.createServer = function createServerWithTimeouts(...args) {
  const server = createServer.apply(this, args);
  server.headersTimeout = headersTimeout;
  server.requestTimeout = requestTimeout;
  // How often Node looks for sockets past those limits (read when the server starts listening).
  server.connectionsCheckingInterval = Math.min(1_000, headersTimeout);
  return server;
};
