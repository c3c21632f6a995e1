import { parentPort } from 'node:worker_threads';
import type { WebSocket } from 'ws';
import { liveCollab } from './live';
import { collabServer } from './server';
import type { FromCollabThread, ToCollabThread } from './thread-protocol';
import { ThreadSocket } from './thread-socket';

// The collaboration thread (started by collab-thread.ts through collab-worker.mjs): Hocuspocus and the live documents,
// with its own database pool, on sockets the main thread holds.
const port = parentPort;
if (!port) throw new Error('collab-worker.ts runs as a worker thread');
const post = (message: FromCollabThread) => port.postMessage(message);
// One document's failure must not end every article's live editing: it is logged, and the thread goes on.
const report = (what: string) => (err: unknown) =>
  process.stderr.write(
    `factmark collab: ${what}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
process.on('unhandledRejection', report('unhandled rejection'));
process.on('uncaughtException', report('uncaught exception'));
const sockets = new Map<number, ThreadSocket>();

const server = collabServer({
  onAuthenticated(ws) {
    if (ws instanceof ThreadSocket) post({ t: 'authenticated', socket: ws.id });
  },
});

const answer = (call: number, work: Promise<void> | undefined) =>
  void Promise.resolve(work).then(
    () => post({ t: 'done', call }),
    (err: unknown) => post({ t: 'done', call, error: err instanceof Error ? err.message : String(err) }),
  );

port.on('message', (message: ToCollabThread) => {
  switch (message.t) {
    case 'open': {
      const socket = new ThreadSocket(message.socket, post);
      sockets.set(message.socket, socket);
      server.connect(socket as unknown as WebSocket, { headers: message.headers, url: message.url });
      break;
    }
    case 'message': {
      const socket = sockets.get(message.socket);
      const { buffer, byteOffset, byteLength } = message.data;
      if (socket?.readyState === 1) socket.emit('message', Buffer.from(buffer, byteOffset, byteLength), true);
      post({ t: 'consumed', socket: message.socket, bytes: byteLength });
      break;
    }
    case 'pong':
      sockets.get(message.socket)?.emit('pong');
      break;
    case 'closed':
      sockets.get(message.socket)?.closed(message.code, message.reason);
      sockets.delete(message.socket);
      break;
    case 'applyContent':
      answer(
        message.call,
        liveCollab()?.applyContent(message.articleId, message.content, message.actor, message.version),
      );
      break;
    case 'changeClaimMark':
      answer(
        message.call,
        liveCollab()?.changeClaimMark(message.articleId, message.change, message.actor, message.version),
      );
      break;
    case 'claimChanged':
      liveCollab()?.claimChanged(message.claimId);
      break;
    case 'stop':
      void server.close().finally(() => post({ t: 'stopped' }));
      break;
  }
});

post({ t: 'ready' });
