import 'server-only';
import type { Connection } from '@hocuspocus/server';
import { permissions } from '@/lib/auth/permissions';
import { findDeletedArticles } from '@/lib/data/collab/find-deleted-articles';
import { findEndedSessions } from '@/lib/data/collab/find-ended-sessions';
import { findLiveActors } from '@/lib/data/collab/find-live-actors';
import { ARTICLE_DELETED, type CollabMessage } from './messages';
import { repeatWithoutOverlap } from './repeat-without-overlap';
import type { CollabContext } from './session';

const RECHECK_MS = 1_000;

export { ARTICLE_DELETED } from './messages';

/**
 * Every second, the open connections' sessions and roles are read again: users disabled or signed out since they
 * connected lose their sockets (4401), and so do users who lost the role they were connected with (4403; an editor
 * demoted to reviewer reconnects read-only). Sockets on an article deleted since they joined are told so and closed
 * (4404): its document would otherwise take edits that no save can keep. A run never starts while the previous one
 * is still reading (a slow database would otherwise pile runs up on it). Returns the function that stops the re-check.
 */
export function recheckConnections(
  connections: ReadonlySet<{ connection: Connection; context: CollabContext }>,
  log: (line: string) => void,
): () => void {
  return repeatWithoutOverlap(async () => {
    if (connections.size === 0) return;
    const sessions = [...connections].flatMap(({ context }) =>
      context.sessionVersion === undefined
        ? []
        : [{ userId: context.actor.id, sessionVersion: context.sessionVersion }],
    );
    const bySession = findEndedSessions(sessions).then(
      (ended) => {
        for (const entry of connections)
          if (ended.has(entry.context.actor.id)) entry.connection.webSocket.close(4401, 'Session ended');
      },
      (err: unknown) => log(`session re-check failed: ${String(err)}`),
    );
    const byRole = findLiveActors([...connections].map((c) => c.context.actor.id)).then(
      (current) => {
        for (const entry of connections) {
          const actor = current.get(entry.context.actor.id);
          if (!actor) continue; // disabled: the session re-check closes it
          const mayRead = permissions.readNewsroom(actor);
          const mayWrite = permissions.editArticles(actor);
          if (!mayRead || (!entry.connection.readOnly && !mayWrite))
            entry.connection.webSocket.close(4403, 'Role changed');
          else entry.context.actor = actor;
        }
      },
      (err: unknown) => log(`role re-check failed: ${String(err)}`),
    );
    const byArticle = findDeletedArticles([...connections].map((c) => c.connection.document.name)).then(
      (deleted) => {
        if (deleted.size === 0) return;
        const told = new Set<string>();
        for (const { connection } of connections) {
          const { document } = connection;
          if (!deleted.has(document.name)) continue;
          if (!told.has(document.name)) {
            told.add(document.name);
            const message: CollabMessage = { type: 'error', message: ARTICLE_DELETED };
            document.broadcastStateless(JSON.stringify(message));
          }
          connection.webSocket.close(4404, 'Article deleted');
        }
      },
      (err: unknown) => log(`article re-check failed: ${String(err)}`),
    );
    await Promise.all([bySession, byRole, byArticle]);
  }, RECHECK_MS);
}
