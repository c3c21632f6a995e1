import 'server-only';
import { permissions, type Actor } from '@/lib/auth/permissions';
import { findLiveActors } from '@/lib/data/collab/find-live-actors';

/**
 * Who a live save is made in the name of, with roles read again: the first of `actorIds` (the saving connection's
 * actor, then everyone who sent an update since the last save) who may still edit articles. Throws when none may.
 */
export async function findSaver(actorIds: readonly string[]): Promise<Actor> {
  const current = await findLiveActors(actorIds);
  const saver = actorIds.map((id) => current.get(id)).find((actor) => actor && permissions.editArticles(actor));
  if (!saver) throw new Error('nobody who may still edit the article changed it');
  return saver;
}
