// Live editors for the collaboration server's tests: real sockets (the editor's own provider) to a /collab server on
// `origin`, signed in with a session cookie as the browser's, and users made in the test database.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, expect } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { Actor, Role } from '@/lib/auth/permissions';
import { COLLAB_FIELD } from '@/lib/collab/messages';
import { db } from '@/lib/db';

const SALT = 'authjs.session-token';

export interface LiveTestClient {
  provider: HocuspocusProvider;
  document: Y.Doc;
  closes: { code: number; reason: string }[];
  errors: string[];
}

/** A staff member with these roles, in the test database. */
export async function liveUser(roles: Role[], name = `User ${randomUUID().slice(0, 6)}`): Promise<Actor> {
  const row = await db().user.create({ data: { email: `${randomUUID().slice(0, 8)}@live.test`, name, roles } });
  return { id: row.id, email: row.email, name: row.name, roles, via: 'session' };
}

/** The session cookie the app would set for `actor`, signed with AUTH_SECRET. */
export async function cookieFor(actor: Actor): Promise<string> {
  const { sessionVersion } = await db().user.findUniqueOrThrow({ where: { id: actor.id } });
  const token = await encode({
    token: { sub: actor.id, uid: actor.id, sv: sessionVersion },
    secret: process.env.AUTH_SECRET ?? '',
    salt: SALT,
  });
  return `${SALT}=${token}`;
}

/** Opens live editors on the /collab server of `origin` (a function: the server's port is known after it listens). */
export function liveClients(origin: () => string) {
  const open: { destroy(): void }[] = [];
  return {
    /** A live editor of `articleId` signed in as `actor`, synced with the server unless `synced` is false. */
    async connect(actor: Actor, articleId: string, name = actor.name, synced = true): Promise<LiveTestClient> {
      const headers = { origin: origin(), cookie: await cookieFor(actor) };
      class SignedInSocket extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers });
          // A socket the test tears down while it reconnects reports that here, not as an unhandled error.
          this.on('error', () => undefined);
        }
      }
      const document = new Y.Doc();
      const closes: LiveTestClient['closes'] = [];
      const errors: string[] = [];
      const socket = new HocuspocusProviderWebsocket({
        url: `${origin().replace('http', 'ws')}/collab`,
        WebSocketPolyfill: SignedInSocket,
      });
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name: articleId,
        document,
        token: 'session-cookie',
        onClose: ({ event }) => closes.push({ code: event.code, reason: event.reason }),
        onStateless: ({ payload }) => {
          const message = JSON.parse(payload) as { type?: string; message?: string };
          if (message.type === 'error' && message.message) errors.push(message.message);
        },
      });
      provider.attach();
      open.push(provider, socket);
      provider.setAwarenessField('user', { name, color: '#123456' });
      if (synced) await expect.poll(() => provider.isSynced, { timeout: 20_000 }).toBe(true);
      return { provider, document, closes, errors };
    },
    destroyAll(): void {
      for (const client of open.splice(0)) client.destroy();
    },
  };
}

/** The first paragraph's text of a shared document. */
export const firstParagraph = (document: Y.Doc) => {
  const first = document.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement;
  return first.get(0) as Y.XmlText;
};

/** What the tests start: the in-process collaboration server or the collaboration thread. */
interface CollabHost {
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

/**
 * A collaboration server made by `make` on a throwaway HTTP server for the file's tests (started before them, and
 * after them stopped, once `beforeStop` has ended the tests' clients).
 */
export function serveCollab<T extends CollabHost>(make: () => T, beforeStop: () => void = () => undefined) {
  let server: http.Server | undefined;
  let collab: T | undefined;
  let origin = '';
  beforeAll(async () => {
    collab = make();
    const host = collab;
    server = http.createServer((_req, res) => res.writeHead(404).end());
    server.on('upgrade', (req, socket, head) => host.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    beforeStop();
    if (collab) await Promise.race([collab.close(), new Promise((resolve) => setTimeout(resolve, 15_000))]);
    server?.closeAllConnections();
    server?.close();
  });
  return {
    origin: () => origin,
    collab: (): T => {
      if (!collab) throw new Error('the collaboration server has not started');
      return collab;
    },
  };
}

/** The HTTP status a /collab upgrade from the app's own origin, without a session cookie, is answered with. */
export function upgradeStatusWithoutSession(origin: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const req = http.request(`${origin}/collab`, {
      headers: {
        origin,
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': Buffer.from(randomUUID().slice(0, 16)).toString('base64'),
      },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('response', (res) => resolve(res.statusCode ?? 0));
    req.on('error', reject);
    req.end();
  });
}
