import 'server-only';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WebSocket } from 'ws';
import { childEnv, serverEnv } from '@/lib/env';
import { registerLiveCollab } from './live';
import { socketAcceptor } from './socket-limits';
import type { FromCollabThread, ToCollabThread } from './thread-protocol';
import { collabUpgrade } from './upgrade';

const RESTART_MS = 1_000;
// A socket whose frames the thread has not taken yet reaches this many bytes is not read until it is below LOW.
const HIGH_BYTES = 8 * 1024 * 1024;
const LOW_BYTES = 1024 * 1024;
const log = (line: string) => process.stderr.write(`factmark collab: ${line}\n`);

/** The collaboration thread's entry, found from the project folder at run time (as the import worker's). */
const workerScript = () => path.join(process.cwd(), 'lib', 'collab', 'collab-worker.mjs');

/** Where a message's bytes are copied to, so that the copy can be moved to the thread rather than cloned. */
function bytesOf(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return new Uint8Array(
    data instanceof ArrayBuffer ? data : data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
  );
}

/**
 * Live collaboration on its own thread, so that the main thread's requests never wait for it: loading, converting
 * and saving a 2 MB article take seconds of CPU, which would otherwise stall every page and API call of the process.
 * The main thread keeps the sockets: it checks each upgrade (origin, session), limits it (socket-limits.ts), and
 * passes its frames to the thread, which runs Hocuspocus (server.ts) with its own database pool. The app's calls into
 * the live documents (live.ts) are passed on too. A thread that dies is started again: its sockets close (their
 * editors reconnect and send what the server lacks), and what it had appended is in the database.
 */
export function collabThread() {
  const env = serverEnv();
  const sockets = new Map<number, WebSocket>();
  const inFlight = new Map<number, number>();
  const authenticated = new WeakSet<WebSocket>();
  const calls = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();
  let nextSocket = 1;
  let nextCall = 1;
  let stopping = false;
  let worker: Worker;
  let ready = false;
  let queued: ToCollabThread[] = [];
  let stopped: (() => void) | undefined;

  function post(message: ToCollabThread): void {
    if (!ready) {
      queued.push(message);
      return;
    }
    if (message.t === 'message') worker.postMessage(message, [message.data.buffer as ArrayBuffer]);
    else worker.postMessage(message);
  }

  function start(): void {
    ready = false;
    worker = new Worker(workerScript(), {
      execArgv: ['--conditions=react-server'],
      // Its own pool beside the main thread's: half as large, since it only appends and saves live documents.
      env: childEnv({ FACTMARK_DB_POOL_SIZE: String(Math.max(4, Math.ceil(env.FACTMARK_DB_POOL_SIZE / 2))) }),
    });
    const current = worker;
    current.on('message', (message: FromCollabThread) => receive(message));
    current.on('error', (err) => log(`the collaboration thread failed: ${err.stack ?? err.message}`));
    current.on('exit', (code) => {
      if (current !== worker) return;
      ready = false;
      for (const call of calls.values()) call.reject(new Error('The collaboration thread stopped.'));
      calls.clear();
      for (const ws of sockets.values()) ws.close(1011, 'Collaboration restarting');
      sockets.clear();
      inFlight.clear();
      if (stopping) return stopped?.();
      log(`the collaboration thread exited (${code}); starting it again`);
      setTimeout(start, RESTART_MS).unref();
    });
  }

  function receive(message: FromCollabThread): void {
    switch (message.t) {
      case 'ready': {
        ready = true;
        const waiting = queued;
        queued = [];
        for (const item of waiting) post(item);
        break;
      }
      case 'send': {
        const ws = sockets.get(message.socket);
        if (ws?.readyState === 1) ws.send(message.data);
        break;
      }
      case 'ping':
        if (sockets.get(message.socket)?.readyState === 1) sockets.get(message.socket)?.ping();
        break;
      case 'close':
        try {
          sockets.get(message.socket)?.close(message.code, message.reason);
        } catch (err) {
          // A code `ws` does not send (Hocuspocus never asks for one): closed plainly.
          log(`socket closed without its code: ${String(err)}`);
          sockets.get(message.socket)?.close();
        }
        break;
      case 'terminate':
        sockets.get(message.socket)?.terminate();
        break;
      case 'consumed': {
        const left = (inFlight.get(message.socket) ?? 0) - message.bytes;
        inFlight.set(message.socket, left);
        const ws = sockets.get(message.socket);
        if (ws?.isPaused && left < LOW_BYTES) ws.resume();
        break;
      }
      case 'authenticated': {
        const ws = sockets.get(message.socket);
        if (ws) authenticated.add(ws);
        break;
      }
      case 'done': {
        const call = calls.get(message.call);
        calls.delete(message.call);
        if (message.error === undefined) call?.resolve();
        else call?.reject(new Error(message.error));
        break;
      }
      case 'stopped':
        stopped?.();
        break;
    }
  }

  /** A call into the thread's live documents, answered when it has been applied there. */
  function call(message: (id: number) => ToCollabThread): Promise<void> {
    if (stopping) return Promise.resolve();
    const id = nextCall++;
    return new Promise<void>((resolve, reject) => {
      calls.set(id, { resolve, reject });
      post(message(id));
    });
  }

  function connect(ws: WebSocket, req: IncomingMessage): void {
    const socket = nextSocket++;
    sockets.set(socket, ws);
    post({ t: 'open', socket, headers: req.headers, url: req.url ?? '/collab' });
    inFlight.set(socket, 0);
    ws.on('message', (data) => {
      // A socket closing (over a limit, or refused by the thread) passes nothing more on.
      if (ws.readyState !== 1) return;
      const bytes = bytesOf(data);
      const waiting = (inFlight.get(socket) ?? 0) + bytes.byteLength;
      inFlight.set(socket, waiting);
      // The thread is busy (a large document loading): the socket waits, rather than its frames piling up here.
      if (waiting > HIGH_BYTES) ws.pause();
      post({ t: 'message', socket, data: bytes });
    });
    ws.on('pong', () => post({ t: 'pong', socket }));
    ws.on('close', (code, reason) => {
      if (sockets.get(socket) !== ws) return;
      sockets.delete(socket);
      inFlight.delete(socket);
      post({ t: 'closed', socket, code, reason: reason.toString() });
    });
  }

  start();
  registerLiveCollab({
    applyContent: (articleId, content, actor, version) =>
      call((id) => ({ t: 'applyContent', call: id, articleId, content, actor, version })),
    changeClaimMark: (articleId, change, actor, version) =>
      call((id) => ({ t: 'changeClaimMark', call: id, articleId, change, actor, version })),
    claimChanged: (claimId) => post({ t: 'claimChanged', claimId }),
  });

  const accept = socketAcceptor({ isAuthenticated: (ws) => authenticated.has(ws), connect, log });

  return {
    /** Takes an upgrade request for /collab: checked and limited here, then served by the collaboration thread. */
    handleUpgrade: collabUpgrade(accept, log),
    /** Saves every live document (the server is stopping), then ends the thread. */
    async close(): Promise<void> {
      if (stopping) return;
      stopping = true;
      registerLiveCollab(undefined);
      const done = new Promise<void>((resolve) => (stopped = resolve));
      post({ t: 'stop' });
      await done;
      await worker.terminate();
    },
  };
}
