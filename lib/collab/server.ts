import 'server-only';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Hocuspocus, type Connection, type Document } from '@hocuspocus/server';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { decode } from 'next-auth/jwt';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { isSameOriginRequest } from '@/lib/auth/same-origin';
import type { Actor } from '@/lib/auth/permissions';
import {
  appendCollabUpdates,
  changeCollabDocumentOnce,
  checkCollabAccess,
  findClaimArticleId,
  findEndedSessions,
  loadCollabDocument,
  saveCollabDocument,
  storeInitialCollabState,
} from '@/lib/data/collab/collab-documents';
import { findSessionActor } from '@/lib/data/sessions/sessions';
import { parseDocument } from '@/lib/editor/schema';
import { serverEnv } from '@/lib/env';
import { registerLiveCollab } from './live';
import {
  applyClaimMarkOnce,
  applyContentOnce,
  claimIdsOf,
  contentOf,
  prepareCollabSave,
  type ClaimMarkChange,
} from './content';
import { collabRelay, RELAY_ORIGIN } from './relay';
import { COLLAB_FIELD, type CollabMessage } from './messages';

/** What each connection carries: who it is for, and the session it was opened with (re-checked every second). */
interface CollabContext {
  actor: Actor;
  sessionVersion?: number;
}

const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'];
const RECHECK_MS = 1_000;
const APPEND_MS = 250;
const QUIET_MS = 200;
const log = (line: string) => process.stderr.write(`factmark collab: ${line}\n`);

function readCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return cookies;
}

/** The session cookie's value, put back together when Auth.js split a large one into `.0`, `.1`, … */
function sessionToken(cookies: Map<string, string>): { name: string; value: string } | null {
  for (const name of SESSION_COOKIES) {
    const whole = cookies.get(name);
    if (whole) return { name, value: whole };
    const chunks: string[] = [];
    for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`) ?? '');
    if (chunks.length > 0) return { name, value: chunks.join('') };
  }
  return null;
}

/** The signed-in actor of an upgrade request, from the same session cookie the pages use and checked against the database. */
async function sessionContext(cookieHeader: string | undefined): Promise<CollabContext | null> {
  const token = sessionToken(readCookies(cookieHeader));
  const secret = serverEnv().AUTH_SECRET;
  if (!token || !secret) return null;
  const jwt = await decode({ token: token.value, secret, salt: token.name }).catch(() => null);
  if (!jwt?.uid || jwt.sv === undefined) return null;
  const actor = await findSessionActor(jwt.uid, jwt.sv);
  return actor ? { actor, sessionVersion: jwt.sv } : null;
}

const contextOf = (value: unknown): CollabContext | null => {
  const context = value as Partial<CollabContext> | undefined;
  return context?.actor ? (context as CollabContext) : null;
};

const sameContent = (a: unknown, b: unknown) =>
  JSON.stringify(parseDocument(a).toJSON()) === JSON.stringify(parseDocument(b).toJSON());

/**
 * The collaboration server: one Yjs document per article (named by its id), synced by Hocuspocus over the
 * /collab WebSocket of the app's own server. The database stays the truth: updates are appended to
 * CollabUpdate as they come; on a debounce and on the last disconnect the document is saved through the
 * article's save path (claims, selectors, plain text, version) and its updates compacted into a snapshot.
 */
export function collabServer() {
  const env = serverEnv();
  const pending = new Map<string, { actor: Actor; updates: Uint8Array[] }>();
  const connections = new Set<{ connection: Connection; context: CollabContext }>();
  // Per open document, the claims it has had (at its load, its last save, an API change): see prepareCollabSave.
  const knownClaims = new Map<string, Set<string>>();
  const addKnown = (articleId: string, ids: Iterable<string>) => {
    const known = knownClaims.get(articleId);
    if (known) for (const id of ids) known.add(id);
  };

  async function flushUpdates(articleId: string) {
    const batch = pending.get(articleId);
    if (!batch) return;
    pending.delete(articleId);
    await appendCollabUpdates(batch.actor, articleId, batch.updates).catch((err: unknown) =>
      log(`could not append updates of ${articleId}: ${String(err)}`),
    );
  }

  const broadcastLocally = (document: Document | undefined, message: CollabMessage) =>
    document?.broadcastStateless(JSON.stringify(message));
  /** To the document's editors here and on the other instances. */
  const broadcast = (document: Document, message: CollabMessage) => {
    broadcastLocally(document, message);
    relay.broadcast(document.name, message);
  };
  // Every instance with the document open gets the save; under the document's lock, the first writes it (its update
  // stored and relayed) and the others find it there: the text is inserted once, not once per instance.
  async function applyContentLocally(
    articleId: string,
    content: Record<string, unknown>,
    actor: Actor,
    version: number,
  ) {
    const document = hocuspocus.documents.get(articleId);
    if (!document) return;
    await changeCollabDocumentOnce(actor, articleId, (stored) =>
      applyContentOnce(document, stored.updates, content, version, RELAY_ORIGIN),
    );
    addKnown(articleId, claimIdsOf(content));
  }
  async function changeClaimMarkLocally(articleId: string, change: ClaimMarkChange, actor: Actor, version: number) {
    const document = hocuspocus.documents.get(articleId);
    if (!document) return;
    await changeCollabDocumentOnce(actor, articleId, (stored) =>
      applyClaimMarkOnce(document, stored.updates, change, `${change.claimId}:${version}`, RELAY_ORIGIN),
    );
    if (change.quote) addKnown(articleId, [change.claimId]);
  }

  const hocuspocus = new Hocuspocus({
    name: 'factmark',
    quiet: true,
    debounce: 1_000,
    maxDebounce: 5_000,
    async onAuthenticate({ documentName, requestHeaders, connectionConfig }) {
      const context = await sessionContext(requestHeaders.cookie);
      if (!context) throw new Error('Sign in to collaborate.');
      const { canEdit } = await checkCollabAccess(context.actor, documentName);
      // Reviewers and admins who may not edit follow the text and the others' presence, read-only.
      connectionConfig.readOnly = !canEdit;
      return context;
    },
    async onLoadDocument({ document, documentName, context }) {
      const actor = contextOf(context)?.actor ?? null;
      const stored = await loadCollabDocument(actor, documentName);
      const [snapshot, ...rest] = stored.updates;
      if (!snapshot) {
        const initial = Y.encodeStateAsUpdate(
          prosemirrorJSONToYDoc(parseDocument(stored.content).type.schema, stored.content, COLLAB_FIELD),
        );
        for (const update of await storeInitialCollabState(actor, documentName, initial))
          Y.applyUpdate(document, update);
        knownClaims.set(documentName, claimIdsOf(contentOf(document)));
        return document;
      }
      for (const update of stored.updates) Y.applyUpdate(document, update);
      // Only a snapshot: everything live was saved, so the article (perhaps changed through the API since) is the truth.
      // Brought in under the document's lock: two instances opening it at once must not both insert the new text.
      if (rest.length === 0 && !sameContent(contentOf(document), stored.content)) {
        await changeCollabDocumentOnce(actor, documentName, (locked) => {
          for (const update of locked.updates) Y.applyUpdate(document, update);
          if (locked.updates.length > 1 || sameContent(contentOf(document), locked.content)) return null;
          return applyContentOnce(document, [], locked.content, locked.version, null);
        });
      }
      knownClaims.set(documentName, claimIdsOf(contentOf(document)));
      return document;
    },
    async afterLoadDocument({ document, documentName }) {
      relay.attach(documentName, document);
    },
    async afterUnloadDocument({ documentName }) {
      knownClaims.delete(documentName);
    },
    async connected({ connection, context }) {
      const ctx = contextOf(context);
      if (!ctx) return;
      const entry = { connection, context: ctx };
      connections.add(entry);
      connection.onClose(() => connections.delete(entry));
    },
    async onChange({ documentName, update, context }) {
      const ctx = contextOf(context);
      if (!ctx) return;
      const batch = pending.get(documentName) ?? { actor: ctx.actor, updates: [] };
      batch.updates.push(update);
      if (!pending.has(documentName)) {
        pending.set(documentName, batch);
        setTimeout(() => void flushUpdates(documentName), APPEND_MS).unref();
      }
    },
    async onStoreDocument({ document, documentName, context }) {
      const ctx = contextOf(context);
      if (!ctx) return;
      try {
        // Made under the article's lock from what is stored then (see prepareCollabSave); what it holds is saved.
        let snapshot = '';
        const saved = await saveCollabDocument(ctx.actor, documentName, (stored) => {
          const prepared = prepareCollabSave(
            document,
            stored,
            knownClaims.get(documentName) ?? new Set(),
            RELAY_ORIGIN,
          );
          knownClaims.set(documentName, prepared.known);
          snapshot = Buffer.from(Y.encodeSnapshot(Y.snapshot(document))).toString('base64');
          return prepared;
        });
        // Also when nothing changed: an editor whose edits were undone learns that they are saved.
        broadcast(document, { type: 'saved', version: saved.version, snapshot });
      } catch (err) {
        log(`could not save ${documentName}: ${err instanceof Error ? err.message : String(err)}`);
        broadcast(document, {
          type: 'error',
          message: 'The live text could not be saved; your changes are kept here and saved with the next edit.',
        });
      }
    },
  });

  // Users disabled or signed out since they connected lose their sockets within a second.
  const recheck = setInterval(() => {
    if (connections.size === 0) return;
    const sessions = [...connections].flatMap(({ context }) =>
      context.sessionVersion === undefined
        ? []
        : [{ userId: context.actor.id, sessionVersion: context.sessionVersion }],
    );
    void findEndedSessions(sessions).then(
      (ended) => {
        for (const entry of connections)
          if (ended.has(entry.context.actor.id)) entry.connection.webSocket.close(4401, 'Session ended');
      },
      (err: unknown) => log(`session re-check failed: ${String(err)}`),
    );
  }, RECHECK_MS);
  recheck.unref();

  // Other instances against the same database: see lib/collab/relay.ts.
  const relay = collabRelay(
    {
      document: (name) => hocuspocus.documents.get(name),
      documentNames: () => hocuspocus.documents.keys(),
      broadcastLocally: (name, message) => broadcastLocally(hocuspocus.documents.get(name), message),
      applyContentLocally,
      changeClaimMarkLocally,
    },
    log,
  );

  registerLiveCollab({
    async applyContent(articleId, content, actor, version) {
      relay.applyContent(articleId, content, actor, version);
      await applyContentLocally(articleId, content, actor, version);
    },
    async changeClaimMark(articleId, change, actor, version) {
      relay.changeClaimMark(articleId, change, actor, version);
      // The claim is saved whatever happens here: a failure leaves it detached in the live text, and is logged.
      await changeClaimMarkLocally(articleId, change, actor, version).catch((err: unknown) =>
        log(`claim mark not applied live: ${String(err)}`),
      );
    },
    claimChanged(claimId) {
      void findClaimArticleId(claimId).then(
        (articleId) => {
          if (!articleId) return;
          broadcastLocally(hocuspocus.documents.get(articleId), { type: 'claims', claimId });
          relay.broadcast(articleId, { type: 'claims', claimId });
        },
        (err: unknown) => log(`claim broadcast failed: ${String(err)}`),
      );
    },
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: env.FACTMARK_COLLAB_MAX_MESSAGE_BYTES });
  let lastMessageAt = 0;

  return {
    /** Takes an upgrade request for /collab: refused unless it comes from the app's own pages; then rate-limited. */
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      const ownUrl = `http://${req.headers.host ?? 'localhost'}${req.url ?? '/collab'}`;
      if (env.FACTMARK_COLLAB !== '1' || !isSameOriginRequest(headers, ownUrl)) {
        socket.end(
          `HTTP/1.1 ${env.FACTMARK_COLLAB !== '1' ? '404 Not Found' : '403 Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
        );
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        let windowStart = Date.now();
        let count = 0;
        ws.on('message', () => {
          const now = Date.now();
          lastMessageAt = now;
          if (now - windowStart > 10_000) {
            windowStart = now;
            count = 0;
          }
          if (++count > env.FACTMARK_COLLAB_MAX_MESSAGES_PER_10S) ws.close(1008, 'Too many messages');
        });
        hocuspocus.handleConnection(ws, req);
      });
    },
    /** Saves every live document now (the server is stopping). */
    async close() {
      clearInterval(recheck);
      registerLiveCollab(undefined);
      // Keystrokes already on their way when the stop began are saved too: wait for a pause in the messages (2 s at most).
      const waitUntil = Date.now() + 2_000;
      while (Date.now() - lastMessageAt < QUIET_MS && Date.now() < waitUntil)
        await new Promise((r) => setTimeout(r, QUIET_MS / 2));
      await Promise.all([...pending.keys()].map(flushUpdates));
      const started = Date.now();
      const documents = [...hocuspocus.documents.values()];
      await Promise.all(
        documents.map((document) => {
          const [first] = [...connections].filter((c) => c.connection.document === document);
          return first
            ? hocuspocus.storeDocumentHooks(document, { ...storePayload(document, first.context) }, true)
            : undefined;
        }),
      );
      log(`stopping: ${documents.length} live document(s) saved in ${Date.now() - started} ms`);
      hocuspocus.closeConnections();
      await relay.close();
    },
  };

  function storePayload(document: Document, context: CollabContext) {
    return {
      clientsCount: document.getConnectionsCount(),
      context,
      document,
      documentName: document.name,
      instance: hocuspocus,
      requestHeaders: {},
      requestParameters: new URLSearchParams(),
      socketId: 'server',
    };
  }
}
