import 'server-only';
import { randomUUID } from 'node:crypto';
import { applyAwarenessUpdate, encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Actor } from '@/lib/auth/permissions';
import { COLLAB_NOTIFY_MAX_CHARS, listenCollabChannel, notifyCollabChannel } from '@/lib/data/collab/collab-channel';
import type { ClaimMarkChange } from './content';
import type { CollabMessage } from './messages';

/**
 * The transaction origin of what came from another instance: not relayed back, and not stored here (the instance
 * its editor is on stores it). Hocuspocus skips its store only for its Redis extension's origin, hence that name;
 * any other origin would take over the debounced store with an empty context, and nothing would be saved.
 */
export const RELAY_ORIGIN = '__hocuspocus__redis__origin__';
const BATCH_MS = 15;

/** A live document: Hocuspocus' documents are Yjs documents with their awareness. */
export type LiveDoc = Y.Doc & { awareness: Awareness };

/** What instances say to each other about one live document. */
type RelayMessage =
  | { k: 'update'; doc: string; update: string; writers?: Actor[] }
  | { k: 'awareness'; doc: string; update: string }
  | { k: 'sync'; doc: string; stateVector: string; answer: boolean }
  | { k: 'stateless'; doc: string; message: CollabMessage }
  | { k: 'content'; doc: string; content: Record<string, unknown>; actor: Actor; version: number }
  | { k: 'mark'; doc: string; change: ClaimMarkChange; actor: Actor; version: number };

/** What the relay does with what another instance says. */
export interface RelayTarget {
  document(name: string): LiveDoc | undefined;
  documentNames(): Iterable<string>;
  broadcastLocally(doc: string, message: CollabMessage): void;
  /** Who made a local change, from its transaction's origin (an editor's connection), if anyone. */
  writerOf(origin: unknown): Actor | null;
  /** Editors on another instance changed the document: they count among its writers here too (see writers.ts). */
  noteWriters(doc: string, writers: Actor[]): void;
  applyContentLocally(doc: string, content: Record<string, unknown>, actor: Actor, version: number): Promise<void>;
  changeClaimMarkLocally(doc: string, change: ClaimMarkChange, actor: Actor, version: number): Promise<void>;
}

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

/**
 * Several app instances against one PostgreSQL: each relays its documents' Yjs updates and awareness, its
 * stateless messages and API saves to the others through LISTEN/NOTIFY (messages longer than a NOTIFY are
 * sent in pieces). A document opened on an instance, and every open document after a lost connection, asks the
 * others for what it lacks (its state vector); they answer with the difference, and ask in turn.
 */
export function collabRelay(target: RelayTarget, log: (line: string) => void) {
  const self = randomUUID().slice(0, 12);
  let sequence = 0;
  const partial = new Map<string, { pieces: string[]; got: number; at: number }>();
  type Batch = { updates: Uint8Array[]; awareness: Set<number>; writers: Map<string, Actor> };
  const queued = new Map<string, Batch>();
  let flushTimer: ReturnType<typeof setTimeout> | undefined;

  function send(message: RelayMessage): void {
    // Base64: NOTIFY counts bytes, and a piece must not split a character.
    const text = Buffer.from(JSON.stringify(message)).toString('base64');
    const id = `${self}:${(sequence++).toString(36)}`;
    const total = Math.max(1, Math.ceil(text.length / COLLAB_NOTIFY_MAX_CHARS));
    // One NOTIFY per piece, in order: PostgreSQL delivers one session's notifications in the order sent.
    let chain = Promise.resolve();
    for (let i = 0; i < total; i++) {
      const piece = text.slice(i * COLLAB_NOTIFY_MAX_CHARS, (i + 1) * COLLAB_NOTIFY_MAX_CHARS);
      chain = chain.then(() => notifyCollabChannel(`${id}|${i}|${total}|${piece}`));
    }
    chain.catch((err: unknown) => log(`relay could not send: ${err instanceof Error ? err.message : String(err)}`));
  }

  function flush(): void {
    flushTimer = undefined;
    for (const [doc, batch] of queued) {
      const document = target.document(doc);
      if (batch.updates.length > 0)
        send({
          k: 'update',
          doc,
          update: toBase64(Y.mergeUpdates(batch.updates)),
          writers: [...batch.writers.values()],
        });
      if (document && batch.awareness.size > 0)
        send({
          k: 'awareness',
          doc,
          update: toBase64(encodeAwarenessUpdate(document.awareness, [...batch.awareness])),
        });
    }
    queued.clear();
  }

  function queue(doc: string): Batch {
    let batch = queued.get(doc);
    if (!batch) {
      batch = { updates: [], awareness: new Set(), writers: new Map() };
      queued.set(doc, batch);
    }
    flushTimer ??= setTimeout(flush, BATCH_MS);
    return batch;
  }

  /** Asks the others for what this instance lacks of a document, and tells them who is in it here. */
  const askForMissing = (doc: string, answer: boolean, document = target.document(doc)) => {
    if (!document) return;
    send({ k: 'sync', doc, stateVector: toBase64(Y.encodeStateVector(document)), answer });
    sendPresence(doc, document);
  };
  // Presence is relayed as it changes; one who joined before the other instance opened the document is sent whole.
  const sendPresence = (doc: string, document: LiveDoc) => {
    const clients = [...document.awareness.getStates().keys()].filter((id) => id !== document.awareness.clientID);
    if (clients.length > 0)
      send({ k: 'awareness', doc, update: toBase64(encodeAwarenessUpdate(document.awareness, clients)) });
  };

  function receive(message: RelayMessage): void {
    const document = target.document(message.doc);
    if (!document) return;
    switch (message.k) {
      case 'update':
        Y.applyUpdate(document, fromBase64(message.update), RELAY_ORIGIN);
        // Whichever instance saves these words credits who typed them, wherever they typed (see writers.ts).
        if (message.writers?.length) target.noteWriters(message.doc, message.writers);
        break;
      case 'awareness':
        applyAwarenessUpdate(document.awareness, fromBase64(message.update), RELAY_ORIGIN);
        break;
      case 'sync': {
        const missing = Y.encodeStateAsUpdate(document, fromBase64(message.stateVector));
        // An empty update is two bytes: nothing to send.
        if (missing.length > 2) send({ k: 'update', doc: message.doc, update: toBase64(missing) });
        if (message.answer) askForMissing(message.doc, false);
        break;
      }
      case 'stateless':
        target.broadcastLocally(message.doc, message.message);
        break;
      case 'content':
        void target
          .applyContentLocally(message.doc, message.content, message.actor, message.version)
          .catch((err: unknown) => log(`relayed save not applied: ${String(err)}`));
        break;
      case 'mark':
        void target
          .changeClaimMarkLocally(message.doc, message.change, message.actor, message.version)
          .catch((err: unknown) => log(`relayed claim mark not applied: ${String(err)}`));
        break;
    }
  }

  function onPayload(payload: string): void {
    const [id = '', index = '', total = '', ...rest] = payload.split('|');
    if (id.startsWith(`${self}:`)) return;
    const piece = rest.join('|');
    const count = Number(total);
    let text = piece;
    if (count > 1) {
      const now = Date.now();
      const entry = partial.get(id) ?? { pieces: new Array<string>(count).fill(''), got: 0, at: now };
      entry.pieces[Number(index)] = piece;
      entry.got++;
      partial.set(id, entry);
      // Pieces of a message whose sender died are dropped after a minute.
      for (const [key, value] of partial) if (now - value.at > 60_000) partial.delete(key);
      if (entry.got < count) return;
      partial.delete(id);
      text = entry.pieces.join('');
    }
    try {
      receive(JSON.parse(Buffer.from(text, 'base64').toString('utf8')) as RelayMessage);
    } catch (err) {
      log(`relay message not applied: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  const listener = listenCollabChannel(
    onPayload,
    () => {
      for (const doc of target.documentNames()) askForMissing(doc, true);
    },
    log,
  );

  return {
    /** Starts relaying a document just loaded here, and asks the other instances for what they have of it. */
    attach(doc: string, document: LiveDoc): void {
      document.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === RELAY_ORIGIN) return;
        const batch = queue(doc);
        batch.updates.push(update);
        const writer = target.writerOf(origin);
        if (writer) batch.writers.set(writer.id, writer);
      });
      document.awareness.on(
        'update',
        ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
          if (origin === RELAY_ORIGIN) return;
          const batch = queue(doc);
          for (const client of [...added, ...updated, ...removed]) batch.awareness.add(client);
        },
      );
      // Hocuspocus lists the document only after this hook: it is passed along.
      askForMissing(doc, true, document);
    },
    /** A stateless message for a document's editors on the other instances. */
    broadcast(doc: string, message: CollabMessage): void {
      send({ k: 'stateless', doc, message });
    },
    /** Content saved through the API, for an instance that has the document open (applied once: see applyContentOnce). */
    applyContent(doc: string, content: Record<string, unknown>, actor: Actor, version: number): void {
      send({ k: 'content', doc, content, actor, version });
    },
    /** A claim marked or deleted through the API, for an instance that has the document open. */
    changeClaimMark(doc: string, change: ClaimMarkChange, actor: Actor, version: number): void {
      send({ k: 'mark', doc, change, actor, version });
    },
    async close(): Promise<void> {
      clearTimeout(flushTimer);
      flush();
      await listener.close();
    },
  };
}
