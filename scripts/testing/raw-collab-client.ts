// A hand-made /collab client for the hostile tests: raw Hocuspocus frames over a `ws` socket, with a local Y.Doc kept
// in step with what the server sends, so a test can send what the editor's provider never would.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { expect } from 'vitest';
import WsClient from 'ws';
import * as Y from 'yjs';
import type { Actor } from '@/lib/auth/permissions';
import { COLLAB_FIELD } from '@/lib/collab/messages';
import { cookieFor } from './live-clients';

/** The parts of a `ws` client socket the tests use (lib/collab/ws.d.ts declares only the server's). */
interface RawWs {
  readyState: number;
  send(data: Uint8Array): void;
  on(event: string, listener: (...args: never[]) => void): RawWs;
  once(event: string, listener: (...args: never[]) => void): RawWs;
  terminate(): void;
}
const WebSocket = WsClient as unknown as new (url: string, options: { headers: Record<string, string> }) => RawWs;

/** A Hocuspocus frame: the document's name, the message type, then what `write` adds. */
export const frame = (name: string, type: number, write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, name);
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
};
const authFrame = (name: string) =>
  frame(name, 2, (e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, 'session-cookie');
  });
const step1Frame = (name: string, doc: Y.Doc) =>
  frame(name, 0, (e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
  });
/** The answer to the server's sync step 1: all `doc` has that the state vector lacks (what a provider sends). */
export const step2Frame = (name: string, doc: Y.Doc, stateVector: Uint8Array) =>
  frame(name, 0, (e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, stateVector));
  });
/** A sync update (type 0), or the same as a sync reply (type 4). */
export const updateFrame = (name: string, update: Uint8Array, type = 0) =>
  frame(name, type, (e) => {
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
  });

export const paragraphWith = (text: string) => {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
};

/** Raw clients on the /collab server of `origin`; `closeAll` ends them. */
export function rawCollabClients(origin: () => string) {
  const open: RawWs[] = [];
  return {
    /** Signed in as `actor` on document `name`, synced (or refused); `change` makes an update without sending it. */
    async connect(actor: Actor, name: string) {
      const ws = new WebSocket(`${origin().replace('http', 'ws')}/collab`, {
        headers: { origin: origin(), cookie: await cookieFor(actor) },
      });
      open.push(ws);
      const doc = new Y.Doc();
      const state = {
        authenticated: false,
        denied: false,
        synced: false,
        closed: null as null | number,
        /** The state vectors the server sent asking for what it lacks (sync step 1), newest last. */
        asked: [] as Uint8Array[],
      };
      ws.on('error', () => undefined);
      ws.on('close', (code: number) => (state.closed = code));
      ws.on('message', (data: Buffer) => {
        const d = decoding.createDecoder(new Uint8Array(data));
        decoding.readVarString(d);
        const type = decoding.readVarUint(d);
        if (type === 2) {
          const auth = decoding.readVarUint(d);
          if (auth === 2) state.authenticated = true;
          if (auth === 1) state.denied = true;
        } else if (type === 0 || type === 4) {
          const sync = decoding.readVarUint(d);
          if (sync === 0) state.asked.push(decoding.readVarUint8Array(d));
          else if (sync === 1 || sync === 2) {
            Y.applyUpdate(doc, decoding.readVarUint8Array(d), 'server');
            if (sync === 1) state.synced = true;
          }
        }
      });
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('unexpected-response', (_req: unknown, res: { statusCode?: number }) =>
          reject(new Error(`upgrade refused ${res.statusCode}`)),
        );
      });
      ws.send(authFrame(name));
      ws.send(step1Frame(name, doc));
      await expect.poll(() => state.synced || state.denied || state.closed !== null, { timeout: 20_000 }).toBe(true);
      const change = (f: (fragment: Y.XmlFragment) => void): Uint8Array => {
        let captured: Uint8Array = new Uint8Array();
        const grab = (u: Uint8Array, o: unknown) => {
          if (o !== 'server') captured = u;
        };
        doc.on('update', grab);
        doc.transact(() => f(doc.getXmlFragment(COLLAB_FIELD)));
        doc.off('update', grab);
        return captured;
      };
      return { ws, doc, state, change };
    },
    closeAll(): void {
      for (const ws of open.splice(0)) ws.terminate();
    },
  };
}
