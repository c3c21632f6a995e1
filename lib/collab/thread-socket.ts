import { EventEmitter } from 'node:events';
import type { FromCollabThread } from './thread-protocol';

const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

/**
 * The collaboration thread's stand-in for a WebSocket the main thread holds: what Hocuspocus uses of a `ws` socket
 * (send, close, ping, terminate, readyState, and its message, pong and close events), carried over the thread's port.
 */
export class ThreadSocket extends EventEmitter {
  readyState: number = OPEN;
  binaryType = 'nodebuffer';

  constructor(
    readonly id: number,
    private readonly post: (message: FromCollabThread) => void,
  ) {
    super();
  }

  send(data: Uint8Array, callback?: (err?: Error) => void): void {
    if (this.readyState !== OPEN) {
      callback?.(new Error('The socket is closed.'));
      return;
    }
    this.post({ t: 'send', socket: this.id, data });
    callback?.();
  }

  ping(): void {
    if (this.readyState === OPEN) this.post({ t: 'ping', socket: this.id });
  }

  close(code?: number, reason?: string): void {
    if (this.readyState >= CLOSING) return;
    this.readyState = CLOSING;
    this.post({ t: 'close', socket: this.id, code, reason });
  }

  terminate(): void {
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSING;
    this.post({ t: 'terminate', socket: this.id });
  }

  /** The main thread's socket closed: Hocuspocus sees the close event, as from `ws`. */
  closed(code: number, reason: string): void {
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSED;
    this.emit('close', code, Buffer.from(reason));
  }
}
