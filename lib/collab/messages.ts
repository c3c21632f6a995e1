// What the collaboration server and the editor say to each other besides Yjs: shared by both (no server code).

/** The Yjs XML fragment that holds an article's text (Tiptap's Collaboration extension's default field). */
export const COLLAB_FIELD = 'default';

/** The WebSocket path on the app's own origin. */
export const COLLAB_PATH = '/collab';

/** Told to an article's editors when it is deleted while they edit (before their sockets close with 4404). */
export const ARTICLE_DELETED = 'This article was deleted: changes made here can no longer be saved.';

/**
 * Stateless messages from the server to an article's editors. `saved.snapshot`: the Yjs snapshot (base64) of the
 * shared document as it was saved, so each editor can tell whether its own edits are in the database yet.
 */
export type CollabMessage =
  | { type: 'saved'; version: number; snapshot: string }
  | { type: 'claims'; claimId: string }
  | { type: 'error'; message: string };

/** A server message, or null when the payload is not one. */
export function parseCollabMessage(payload: string): CollabMessage | null {
  try {
    const value = JSON.parse(payload) as Partial<CollabMessage> | null;
    if (value?.type === 'saved' && typeof value.version === 'number' && typeof value.snapshot === 'string')
      return value as CollabMessage;
    if (value?.type === 'claims' && typeof value.claimId === 'string') return value as CollabMessage;
    if (value?.type === 'error' && typeof value.message === 'string') return value as CollabMessage;
    return null;
  } catch {
    return null;
  }
}
