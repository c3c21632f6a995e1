// The few parts of `ws` (Hocuspocus' WebSocket library) that lib/collab/server.ts and bench/collab.ts use; the package ships no types.
declare module 'ws' {
  import type { IncomingMessage } from 'node:http';
  import type { Duplex } from 'node:stream';

  export class WebSocket {
    /** A client socket (bench/collab.ts), with the headers a browser would send. */
    constructor(url: string, protocols?: string | string[], options?: { headers?: Record<string, string> });
    on(event: 'message', listener: (data: unknown) => void): this;
    on(event: 'error', listener: (err: Error) => void): this;
    close(code?: number, reason?: string): void;
  }
  export class WebSocketServer {
    constructor(options: { noServer: true; maxPayload?: number });
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, callback: (ws: WebSocket) => void): void;
  }
  export default WebSocket;
}
