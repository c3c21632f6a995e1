import * as Y from 'yjs';
import { COLLAB_FIELD } from './messages';

/*
 * Checks on what a socket sends before Hocuspocus applies it (lib/collab/server.ts beforeHandleMessage): the
 * message's kind, and for presence (awareness) the states it carries, read with the y-protocols encoding
 * (lib0 variable-length integers and strings) without applying anything.
 */

/** Hocuspocus message types the guard looks at. */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
/** A sync message answering the server's: applied as a sync message is, so checked as one. */
export const MESSAGE_SYNC_REPLY = 4;
/**
 * What the editor's provider sends: sync, presence, authentication, a presence query, a sync reply, and close. Not
 * stateless messages (5, 6), which Hocuspocus would pass on to every editor as if the server had sent them.
 */
export const CLIENT_MESSAGE_TYPES: ReadonlySet<number> = new Set([0, 1, 2, 3, 4, 7]);

/** Most bytes one presence message may carry: a name, a colour, a cursor and an open claim fit in far less. */
export const MAX_AWARENESS_BYTES = 16 * 1024;

class Reader {
  pos = 0;
  constructor(private readonly data: Uint8Array) {}
  varUint(): number {
    let num = 0;
    let mult = 1;
    for (;;) {
      const byte = this.data[this.pos++];
      if (byte === undefined) throw new RangeError('Message ends early.');
      num += (byte & 0x7f) * mult;
      if (byte < 0x80) return num;
      mult *= 128;
      if (mult > 2 ** 53) throw new RangeError('Integer too large.');
    }
  }
  bytes(): Uint8Array {
    const length = this.varUint();
    if (this.pos + length > this.data.length) throw new RangeError('Message ends early.');
    const out = this.data.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }
  string(): string {
    return new TextDecoder().decode(this.bytes());
  }
}

/** The Hocuspocus message type of a socket message (after the document name), or null when unreadable. */
export function messageType(data: Uint8Array): number | null {
  try {
    const reader = new Reader(data);
    reader.bytes();
    return reader.varUint();
  } catch {
    return null;
  }
}

/** The Yjs update a sync or sync-reply message carries (its step 2 or an update); null for a state vector or unreadable. */
export function syncUpdate(data: Uint8Array): Uint8Array | null {
  try {
    const reader = new Reader(data);
    reader.bytes();
    const type = reader.varUint();
    if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
    const step = reader.varUint();
    return step === 1 || step === 2 ? reader.bytes() : null;
  } catch {
    return null;
  }
}

/** Whether a sync or sync-reply message asks for what its sender lacks (a sync step 1, carrying a state vector). */
export function isSyncRequest(data: Uint8Array): boolean {
  try {
    const reader = new Reader(data);
    reader.bytes();
    const type = reader.varUint();
    return (type === MESSAGE_SYNC || type === MESSAGE_SYNC_REPLY) && reader.varUint() === 0;
  } catch {
    return false;
  }
}

/**
 * Sync requests one connection may send in SYNC_REQUEST_WINDOW_MS. Each is answered with everything the sender lacks:
 * for an empty state vector, the whole document (68 ms and 1.8 MB for a 1.6-million-character article), so a few
 * bytes asked a thousand times in ten seconds (the message rate) kept the server busy for a minute. The editor's
 * provider asks once per connection.
 */
export const MAX_SYNC_REQUESTS = 4;
export const SYNC_REQUEST_WINDOW_MS = 60_000;

/** The presence states an awareness message sets (null: a client left); throws when the message is malformed. */
export function awarenessStates(data: Uint8Array): { clientId: number; clock: number; state: unknown }[] {
  const reader = new Reader(data);
  reader.bytes();
  if (reader.varUint() !== MESSAGE_AWARENESS) return [];
  const update = new Reader(reader.bytes());
  const count = update.varUint();
  const states: { clientId: number; clock: number; state: unknown }[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = update.varUint();
    const clock = update.varUint();
    states.push({ clientId, clock, state: JSON.parse(update.string()) as unknown });
  }
  return states;
}

/** What the server's presence holds for a client id: its clock and the name its state carries. */
export type KnownPresence = (clientId: number) => { clock: number; name: unknown } | undefined;

export const nameOf = (state: unknown): unknown =>
  typeof state === 'object' && state !== null ? (state as { user?: { name?: unknown } }).user?.name : undefined;

/**
 * Why a presence message from `name` is refused, or null: too large, or a state that names someone else (the
 * editor's presence carries `user.name` from the session; the server holds it to that), or that changes someone
 * else's. A client also passes on the others' states it knows (`known`: what the server holds); those are not new
 * (their clock is not ahead of the server's) and change nothing, so they pass.
 */
export function awarenessRefusal(data: Uint8Array, name: string, known: KnownPresence): string | null {
  if (data.byteLength > MAX_AWARENESS_BYTES) return 'Presence message too large';
  let states: { clientId: number; clock: number; state: unknown }[];
  try {
    states = awarenessStates(data);
  } catch {
    return 'Malformed presence message';
  }
  for (const { clientId, clock, state } of states) {
    const current = known(clientId);
    if (current && clock <= current.clock) continue;
    if (state !== null && typeof state !== 'object') return 'Malformed presence message';
    // Someone else's presence (as the server has it) is not this client's to change or remove.
    if (current && current.name !== undefined && current.name !== name) return 'Presence of someone else';
    const user = state === null ? undefined : (state as { user?: unknown }).user;
    if (user !== undefined && nameOf(state) !== name) return 'Presence must carry your own name';
  }
  return null;
}

/** The number of characters of text in the shared document (as the article's plain text counts them, about). */
export function textLength(document: Y.Doc): number {
  let total = 0;
  // A loop over a stack of elements, not recursion: however deep the text is nested, this does not overflow.
  const stack: (Y.XmlFragment | Y.XmlElement)[] = [document.getXmlFragment(COLLAB_FIELD)];
  for (let node = stack.pop(); node; node = stack.pop())
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) total += child.length;
      else if (child instanceof Y.XmlElement) stack.push(child);
    }
  return total;
}
