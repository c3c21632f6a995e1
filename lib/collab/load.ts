import 'server-only';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { Actor } from '@/lib/auth/permissions';
import { changeCollabDocumentOnce } from '@/lib/data/collab/change-collab-document-once';
import { loadCollabDocument } from '@/lib/data/collab/load-collab-document';
import { storeInitialCollabState } from '@/lib/data/collab/store-initial-collab-state';
import { parseDocument } from '@/lib/editor/schema';
import { applyContentOnce, claimIdsOf, contentOf, repairLiveContent, sameContent } from './content';
import { COLLAB_FIELD } from './messages';

/**
 * Fills an article's live document from what is stored: its updates since the last snapshot, or the first time, a
 * first state made from the article's text (stored, so every instance starts from the same one). Returns the claims
 * the loaded document holds (see prepareCollabSave).
 */
export async function loadLiveDocument(
  document: Y.Doc,
  documentName: string,
  actor: Actor | null,
  log: (line: string) => void,
): Promise<Set<string>> {
  const stored = await loadCollabDocument(actor, documentName);
  const [snapshot, ...rest] = stored.updates;
  if (!snapshot) {
    const initial = Y.encodeStateAsUpdate(
      prosemirrorJSONToYDoc(parseDocument(stored.content).type.schema, stored.content, COLLAB_FIELD),
    );
    for (const update of await storeInitialCollabState(actor, documentName, initial)) Y.applyUpdate(document, update);
    return claimIdsOf(contentOf(document));
  }
  for (const update of stored.updates) Y.applyUpdate(document, update);
  // Text stored while it broke the schema (an older server, or a change no check caught) is repaired, not refused.
  if (repairLiveContent(document)) log(`repaired ${documentName}: its text broke the schema`);
  // Only a snapshot: everything live was saved, so the article (perhaps changed through the API since) is the truth.
  // Brought in under the document's lock: two instances opening it at once must not both insert the new text.
  if (rest.length === 0 && !sameContent(contentOf(document), stored.content)) {
    await changeCollabDocumentOnce(actor, documentName, (locked) => {
      for (const update of locked.updates) Y.applyUpdate(document, update);
      if (locked.updates.length > 1 || sameContent(contentOf(document), locked.content)) return null;
      return applyContentOnce(document, [], locked.content, locked.version, null);
    });
  }
  return claimIdsOf(contentOf(document));
}
