import 'server-only';
import type { IncomingMessage } from 'node:http';
import { Connection, Hocuspocus, OutgoingMessage, type Document } from '@hocuspocus/server';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { Actor } from '@/lib/auth/permissions';
import { appendCollabUpdates } from '@/lib/data/collab/append-collab-updates';
import { changeCollabDocumentOnce } from '@/lib/data/collab/change-collab-document-once';
import { checkCollabAccess } from '@/lib/data/collab/check-collab-access';
import { findClaimArticleId } from '@/lib/data/collab/find-claim-article-id';
import { saveCollabDocument } from '@/lib/data/collab/save-collab-document';
import { MAX_ARTICLE_CHARS } from '@/lib/validation/articles';
import { registerLiveCollab } from './live';
import { applyClaimMarkOnce, applyContentOnce, claimIdsOf, prepareCollabSave, type ClaimMarkChange } from './content';
import { loadLiveDocument } from './load';
import { collabRelay, RELAY_ORIGIN } from './relay';
import type { CollabMessage } from './messages';
import { recheckConnections } from './recheck';
import { findSaver } from './saver';
import { contextOf, sessionContext, type CollabContext } from './session';
import { DocumentWriters } from './writers';
import { socketAcceptor } from './socket-limits';
import { collabUpgrade } from './upgrade';
import {
  awarenessRefusal,
  CLIENT_MESSAGE_TYPES,
  isSyncRequest,
  MAX_SYNC_REQUESTS,
  MESSAGE_AWARENESS,
  MESSAGE_SYNC,
  MESSAGE_SYNC_REPLY,
  messageType,
  nameOf,
  SYNC_REQUEST_WINDOW_MS,
  syncUpdate,
  textLength,
} from './guard';
import { holdNothingBack } from './held-back';
import { updateRefusal } from './update-shape';

const APPEND_MS = 250;
const QUIET_MS = 200;
const log = (line: string) => process.stderr.write(`factmark collab: ${line}\n`);

/**
 * The collaboration server: one Yjs document per article (named by its id), synced by Hocuspocus over the
 * /collab WebSocket of the app's own server. The database stays the truth: updates are appended to
 * CollabUpdate as they come; on a debounce and on the last disconnect the document is saved through the
 * article's save path (claims, selectors, plain text, version) and its updates compacted into a snapshot.
 */
export function collabServer(options: { onAuthenticated?: (ws: WebSocket) => void } = {}) {
  // Per document, per editor: the updates they sent, appended with their name every APPEND_MS.
  const pending = new Map<string, Map<string, { actor: Actor; updates: Uint8Array[] }>>();
  // Per document: who sent updates since its last save, and about how many characters its text has (see guard.ts).
  const writers = new DocumentWriters();
  const sizes = new Map<string, number>();
  const authenticated = new WeakSet<object>();
  const TOO_LONG = 'The article would be longer than 2 MB of text: that change was not applied. Reload the page.';
  const connections = new Set<{ connection: Connection; context: CollabContext }>();
  // Per connection: when its window of sync requests began, and how many it has sent in it (see MAX_SYNC_REQUESTS).
  const syncRequests = new WeakMap<Connection, { since: number; count: number }>();
  // Per open document, the claims it has had (at its load, its last save, an API change): see prepareCollabSave.
  const knownClaims = new Map<string, Set<string>>();
  const addKnown = (articleId: string, ids: Iterable<string>) => {
    const known = knownClaims.get(articleId);
    if (known) for (const id of ids) known.add(id);
  };

  async function flushUpdates(articleId: string) {
    const batches = pending.get(articleId);
    if (!batches) return;
    pending.delete(articleId);
    for (const batch of batches.values())
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
  /**
   * The article's document if it is open here. One still loading is waited for: the load may have read the article
   * before a change made through the API was committed, and Hocuspocus lists the document as open only once the load
   * is done, so the change would reach neither the load nor the document (lost from the live text, and the next live
   * save would write the text without it).
   */
  async function openDocument(articleId: string): Promise<Document | undefined> {
    const loading = hocuspocus.loadingDocuments.get(articleId);
    if (loading) return loading.catch(() => undefined);
    return hocuspocus.documents.get(articleId);
  }

  // Every instance with the document open gets the save; under the document's lock, the first writes it (its update
  // stored and relayed) and the others find it there: the text is inserted once, not once per instance.
  async function applyContentLocally(
    articleId: string,
    content: Record<string, unknown>,
    actor: Actor,
    version: number,
  ) {
    const document = await openDocument(articleId);
    if (!document) return;
    await changeCollabDocumentOnce(actor, articleId, (stored) =>
      applyContentOnce(document, stored.updates, content, version, RELAY_ORIGIN),
    );
    addKnown(articleId, claimIdsOf(content));
  }
  async function changeClaimMarkLocally(articleId: string, change: ClaimMarkChange, actor: Actor, version: number) {
    const document = await openDocument(articleId);
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
    async beforeHandleMessage({ connection, documentName, document, update, context }) {
      const ctx = contextOf(context);
      const type = messageType(update);
      const refuseMessage = (code: number, reason: string): never => {
        connection.webSocket.close(code, reason);
        throw Object.assign(new Error(reason), { code, reason });
      };
      if (type === null || !CLIENT_MESSAGE_TYPES.has(type)) refuseMessage(4400, 'Message type not accepted');
      if (type === MESSAGE_AWARENESS) {
        const refusal = awarenessRefusal(update, ctx?.actor.name ?? '', (clientId) => {
          const meta = document.awareness.meta.get(clientId);
          return meta && { clock: meta.clock, name: nameOf(document.awareness.getStates().get(clientId)) };
        });
        if (refusal) refuseMessage(4400, refusal);
      }
      if (isSyncRequest(update)) {
        const now = Date.now();
        let requests = syncRequests.get(connection);
        if (!requests || now - requests.since > SYNC_REQUEST_WINDOW_MS) {
          requests = { since: now, count: 0 };
          syncRequests.set(connection, requests);
        }
        if (++requests.count > MAX_SYNC_REQUESTS) refuseMessage(4429, 'Too many sync requests');
      }
      if ((type === MESSAGE_SYNC || type === MESSAGE_SYNC_REPLY) && !connection.readOnly) {
        // Only elements and marks of the editor's schema, nested as an article may be (see update-shape.ts).
        const carried = syncUpdate(update);
        const shapeRefusal = carried && updateRefusal(document, carried);
        if (shapeRefusal) {
          connection.sendStateless(
            JSON.stringify({
              type: 'error',
              message: `That change was not applied: ${shapeRefusal}.`,
            } satisfies CollabMessage),
          );
          refuseMessage(4400, shapeRefusal);
        }
        // An update that could make the text longer than an article may be is refused before it is applied.
        let size = (sizes.get(documentName) ?? 0) + update.byteLength;
        if (size > MAX_ARTICLE_CHARS) {
          sizes.set(documentName, textLength(document));
          size = (sizes.get(documentName) ?? 0) + update.byteLength;
        }
        if (size > MAX_ARTICLE_CHARS) {
          connection.sendStateless(JSON.stringify({ type: 'error', message: TOO_LONG } satisfies CollabMessage));
          refuseMessage(4413, 'Article too long');
        }
      }
    },
    async onLoadDocument({ document, documentName, context }) {
      const known = await loadLiveDocument(document, documentName, contextOf(context)?.actor ?? null, log);
      knownClaims.set(documentName, known);
      return document;
    },
    async afterLoadDocument({ document, documentName }) {
      sizes.set(documentName, textLength(document));
      // Nothing an editor sends waits in the document for what it builds on (see held-back.ts): the editor is asked
      // for all the server lacks instead.
      const stopHolding = holdNothingBack(
        document,
        (origin) => (origin instanceof Connection ? origin : null),
        (editors) => {
          const ask = new OutgoingMessage(documentName)
            .createSyncMessage()
            .writeFirstSyncStepFor(document)
            .toUint8Array();
          for (const connection of editors) connection.send(ask);
        },
      );
      document.on('destroy', stopHolding);
      relay.attach(documentName, document);
    },
    async afterUnloadDocument({ documentName }) {
      knownClaims.delete(documentName);
      sizes.delete(documentName);
    },
    async connected({ connection, context }) {
      const ctx = contextOf(context);
      if (!ctx) return;
      const entry = { connection, context: ctx };
      authenticated.add(connection.webSocket);
      options.onAuthenticated?.(connection.webSocket);
      connections.add(entry);
      connection.onClose(() => connections.delete(entry));
    },
    async onChange({ documentName, update, context }) {
      const ctx = contextOf(context);
      if (!ctx) return;
      writers.note(documentName, ctx.actor);
      sizes.set(documentName, (sizes.get(documentName) ?? 0) + update.byteLength);
      let batches = pending.get(documentName);
      if (!batches) {
        batches = new Map();
        pending.set(documentName, batches);
        setTimeout(() => void flushUpdates(documentName), APPEND_MS).unref();
      }
      const batch = batches.get(ctx.actor.id) ?? { actor: ctx.actor, updates: [] };
      batch.updates.push(update);
      batches.set(ctx.actor.id, batch);
    },
    async onStoreDocument({ document, documentName, context }) {
      const ctx = contextOf(context);
      if (!ctx) return;
      // Everyone who sent an update since the last save (not only whoever sent the last one) wrote what is saved.
      const editors = writers.take(documentName);
      try {
        sizes.set(documentName, textLength(document));
        if ((sizes.get(documentName) ?? 0) > MAX_ARTICLE_CHARS) {
          writers.restore(documentName, editors);
          log(`not saving ${documentName}: longer than the article limit`);
          broadcast(document, { type: 'error', message: TOO_LONG });
          return;
        }
        // Roles read again: the save is made in the name of an editor who still is one.
        const saver = await findSaver([ctx.actor.id, ...editors.keys()]);
        // Made under the article's lock from what is stored then (see prepareCollabSave); what it holds is saved.
        let snapshot = '';
        const saved = await saveCollabDocument(
          saver,
          documentName,
          (stored) => {
            // Without a record of the document's claims (it is being unloaded), no mark is put back: an editor's
            // removal is never undone by a guess.
            const known = knownClaims.get(documentName) ?? new Set(stored.claims.map((claim) => claim.id));
            const prepared = prepareCollabSave(document, stored, known, RELAY_ORIGIN);
            knownClaims.set(documentName, prepared.known);
            snapshot = Buffer.from(Y.encodeSnapshot(Y.snapshot(document))).toString('base64');
            return prepared;
          },
          [...editors.keys()],
        );
        if (saved.dropped)
          log(`dropped claim marks of other articles from ${documentName}: ${saved.dropped.join(', ')}`);
        // Also when nothing changed: an editor whose edits were undone learns that they are saved.
        broadcast(document, { type: 'saved', version: saved.version, snapshot });
      } catch (err) {
        writers.restore(documentName, editors);
        log(`could not save ${documentName}: ${err instanceof Error ? err.message : String(err)}`);
        broadcast(document, {
          type: 'error',
          message: 'The live text could not be saved; your changes are kept here and saved with the next edit.',
        });
      }
    },
  });

  const stopRecheck = recheckConnections(connections, log);

  // Other instances against the same database: see lib/collab/relay.ts.
  const relay = collabRelay(
    {
      document: (name) => hocuspocus.documents.get(name),
      documentNames: () => hocuspocus.documents.keys(),
      broadcastLocally: (name, message) => broadcastLocally(hocuspocus.documents.get(name), message),
      // Hocuspocus applies an editor's update with its connection as the origin.
      writerOf: (origin) => contextOf((origin as { context?: unknown } | null)?.context)?.actor ?? null,
      noteWriters: (name, actors) => {
        for (const actor of actors) writers.note(name, actor);
      },
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

  let lastMessageAt = 0;
  function connect(ws: WebSocket, req: Pick<IncomingMessage, 'headers' | 'url'>): void {
    ws.on('message', () => (lastMessageAt = Date.now()));
    hocuspocus.handleConnection(ws, req as IncomingMessage);
  }
  const accept = socketAcceptor({ isAuthenticated: (ws) => authenticated.has(ws), connect, log });

  return {
    /** Takes an upgrade request for /collab: refused unless it comes from the app's own pages; then rate-limited. */
    handleUpgrade: collabUpgrade(accept, log),
    /** Takes a WebSocket already accepted and limited elsewhere (the collaboration thread's: see collab-thread.ts). */
    connect,
    /** Saves every live document now (the server is stopping). */
    async close() {
      stopRecheck();
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
