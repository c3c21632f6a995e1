import type { Actor } from '@/lib/auth/permissions';
import type { ClaimMarkChange } from './content';

// The bridge from the app's code (bundled by Next) to the collaboration server (scripts/lib/server.ts), which run
// in one process but load their modules separately: the server registers itself on globalThis, the app calls it.
// With no server registered (tests, scripts, collaboration off) every call does nothing.

/** What the collaboration server offers the rest of the app. */
export interface LiveCollab {
  /** Content saved through the API as article `version`: applied once to the article's live document, if one is open, so its editors see it. */
  applyContent(articleId: string, content: Record<string, unknown>, actor: Actor, version: number): Promise<void>;
  /** A claim marked or deleted through the API as article `version`: its mark is added to or removed from the live text, once. */
  changeClaimMark(articleId: string, change: ClaimMarkChange, actor: Actor, version: number): Promise<void>;
  /** A claim's state, verdict or comments changed (committed): its article's editors refresh it. */
  claimChanged(claimId: string): void;
}

const KEY = Symbol.for('factmark.liveCollab');
const slot = globalThis as unknown as { [KEY]?: LiveCollab };

export function registerLiveCollab(live: LiveCollab | undefined): void {
  slot[KEY] = live;
}

export const liveCollab = (): LiveCollab | undefined => slot[KEY];

/** Tells connected editors that a claim changed; call after the change is committed. */
export function announceClaimChange(claimId: string): void {
  liveCollab()?.claimChanged(claimId);
}
