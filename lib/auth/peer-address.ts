import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { PEER_ADDRESS_HEADER } from './client-address';

let isInstalled = false;

/**
 * Writes the connection's peer address into every incoming request as a header the client cannot set
 * (any value it sent is replaced), before Next.js sees the request: route handlers get no socket.
 */
export function installPeerAddress(): void {
  if (isInstalled) return;
  isInstalled = true;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const address = socket.remoteAddress;
    if (address) request.headers[PEER_ADDRESS_HEADER] = address;
    else delete request.headers[PEER_ADDRESS_HEADER];
  });
}
