// The few parts of `ws` (Hocuspocus' WebSocket library) that lib/collab and the benchmarks use; the package ships no types.
declare module 'ws' {
  import type { IncomingMessage } from 'node:http';
  import type { Duplex } from 'node:stream';

  export class WebSocket {
    static readonly OPEN: 1;
    /** A client socket (bench/collab.ts), with the headers a browser would send. */
    constructor(url: string, protocols?: string | string[], options?: { headers?: Record<string, string> });
    readonly readyState: 0 | 1 | 2 | 3;
    readonly isPaused: boolean;
    pause(): void;
    resume(): void;
    on(event: 'message', listener: (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => void): this;
    on(event: 'error', listener: (err: Error) => void): this;
    on(event: 'close', listener: (code: number, reason: Buffer) => void): this;
    on(event: 'pong', listener: () => void): this;
    send(data: Uint8Array, callback?: (err?: Error) => void): void;
    ping(): void;
    close(code?: number, reason?: string): void;
    terminate(): void;
  }
  export class WebSocketServer {
    constructor(options: { noServer: true; maxPayload?: number });
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, callback: (ws: WebSocket) => void): void;
  }
  export default WebSocket;
}
