import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from '@/lib/auth/permissions';
import type { ClaimMarkChange } from './content';

/*
 * What the app's main thread and the collaboration thread (lib/collab/collab-thread.ts, collab-worker.ts) say to each
 * other. The main thread owns the sockets: it accepts, limits and authenticates them, and passes their frames on; the
 * thread runs Hocuspocus, the live documents and their saves, so that converting and saving a 2 MB article never
 * holds up the main thread's requests.
 */

/** From the main thread: a socket's life, and the app's calls into the live documents (see live.ts). */
export type ToCollabThread =
  | { t: 'open'; socket: number; headers: IncomingHttpHeaders; url: string }
  | { t: 'message'; socket: number; data: Uint8Array }
  | { t: 'pong'; socket: number }
  | { t: 'closed'; socket: number; code: number; reason: string }
  | {
      t: 'applyContent';
      call: number;
      articleId: string;
      content: Record<string, unknown>;
      actor: Actor;
      version: number;
    }
  | { t: 'changeClaimMark'; call: number; articleId: string; change: ClaimMarkChange; actor: Actor; version: number }
  | { t: 'claimChanged'; claimId: string }
  | { t: 'stop' };

/** From the collaboration thread: what to do with a socket, and the answers to calls. */
export type FromCollabThread =
  | { t: 'ready' }
  | { t: 'send'; socket: number; data: Uint8Array }
  | { t: 'ping'; socket: number }
  | { t: 'close'; socket: number; code?: number; reason?: string }
  | { t: 'terminate'; socket: number }
  | { t: 'authenticated'; socket: number }
  | { t: 'consumed'; socket: number; bytes: number }
  | { t: 'done'; call: number; error?: string }
  | { t: 'stopped' };
