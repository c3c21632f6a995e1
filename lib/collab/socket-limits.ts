import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { serverEnv } from '@/lib/env';

/** Open sockets one person may hold on an instance: a tab each; more only multiply what every editor is sent. */
export const MAX_SOCKETS_PER_USER = 16;

/** Most bytes a socket may send before its first document is authenticated (an auth message and a state vector). */
const PRE_AUTH_BYTES = 256 * 1024;

const byteLength = (data: unknown): number =>
  Array.isArray(data)
    ? data.reduce((n: number, part: unknown) => n + byteLength(part), 0)
    : data instanceof ArrayBuffer || ArrayBuffer.isView(data)
      ? data.byteLength
      : 0;

/** Answers an upgrade request with an HTTP status and closes it. */
export const refuse = (socket: Duplex, status: string) =>
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);

/**
 * Makes WebSockets of accepted upgrade requests, each limited before it reaches `connect`: frames over
 * FACTMARK_COLLAB_MAX_MESSAGE_BYTES close it (1009), more than FACTMARK_COLLAB_MAX_MESSAGES_PER_10S messages close it (1008), and so do more than 256 KB before it is
 * authenticated (Hocuspocus queues what arrives until then). A person with MAX_SOCKETS_PER_USER open is refused (429).
 */
export function socketAcceptor(options: {
  isAuthenticated: (ws: WebSocket) => boolean;
  connect: (ws: WebSocket, req: IncomingMessage) => void;
  log: (line: string) => void;
}) {
  const env = serverEnv();
  const wss = new WebSocketServer({ noServer: true, maxPayload: env.FACTMARK_COLLAB_MAX_MESSAGE_BYTES });
  const perUser = new Map<string, number>();
  return function accept(req: IncomingMessage, socket: Duplex, head: Buffer, userId: string) {
    if (socket.destroyed) return;
    const open = perUser.get(userId) ?? 0;
    if (open >= MAX_SOCKETS_PER_USER) {
      refuse(socket, '429 Too Many Requests');
      return;
    }
    perUser.set(userId, open + 1);
    let counted = true;
    const release = () => {
      if (!counted) return;
      counted = false;
      const left = (perUser.get(userId) ?? 1) - 1;
      if (left > 0) perUser.set(userId, left);
      else perUser.delete(userId);
    };
    socket.once('close', release);
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('close', release);
      let windowStart = Date.now();
      let count = 0;
      let preAuthBytes = 0;
      // Over a limit: the socket is closed and read no more (a client that ignores the close would otherwise keep
      // sending for the 30 s the close handshake may take), and cut a second later.
      const shut = (code: number, reason: string) => {
        if (ws.readyState !== WebSocket.OPEN) return;
        ws.close(code, reason);
        ws.pause();
        setTimeout(() => ws.terminate(), 1_000).unref();
      };
      // An oversized frame closes the socket (1009) and is reported here, not as an uncaught exception.
      ws.on('error', (err) => options.log(`socket closed: ${err.message}`));
      ws.on('message', (data) => {
        const now = Date.now();
        if (now - windowStart > 10_000) {
          windowStart = now;
          count = 0;
        }
        if (++count > env.FACTMARK_COLLAB_MAX_MESSAGES_PER_10S) shut(1008, 'Too many messages');
        if (!options.isAuthenticated(ws)) {
          preAuthBytes += byteLength(data);
          if (preAuthBytes > PRE_AUTH_BYTES) shut(1008, 'Too much before authentication');
        }
      });
      options.connect(ws, req);
    });
  };
}
