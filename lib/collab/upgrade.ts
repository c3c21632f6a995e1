import 'server-only';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { isSameOriginRequest } from '@/lib/auth/same-origin';
import { serverEnv } from '@/lib/env';
import { sessionContext } from './session';
import { refuse } from './socket-limits';

/**
 * The /collab upgrade's checks, before any WebSocket exists: refused unless collaboration is on (404) and the request
 * comes from the app's own pages (403), and unless it carries a valid session (401); then handed to `accept` with
 * whose it is.
 */
export function collabUpgrade(
  accept: (req: IncomingMessage, socket: Duplex, head: Buffer, userId: string) => void,
  log: (line: string) => void,
) {
  const env = serverEnv();
  return function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const ownUrl = `http://${req.headers.host ?? 'localhost'}${req.url ?? '/collab'}`;
    if (env.FACTMARK_COLLAB !== '1' || !isSameOriginRequest(headers, ownUrl)) {
      refuse(socket, env.FACTMARK_COLLAB !== '1' ? '404 Not Found' : '403 Forbidden');
      return;
    }
    // No socket without a valid session: the cookie is on the upgrade request, checked before Hocuspocus sees it.
    socket.on('error', () => undefined);
    void sessionContext(req.headers.cookie).then(
      (context) => (context ? accept(req, socket, head, context.actor.id) : refuse(socket, '401 Unauthorized')),
      (err: unknown) => {
        log(`upgrade session check failed: ${String(err)}`);
        refuse(socket, '503 Service Unavailable');
      },
    );
  };
}
