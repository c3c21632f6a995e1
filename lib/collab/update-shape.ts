import * as Y from 'yjs';
import { editorSchema, MAX_DOCUMENT_DEPTH } from '@/lib/editor/schema';

/*
 * What an editor's Yjs update may add to a live document, checked before it is applied (server.ts
 * beforeHandleMessage): only elements and marks of the editor's schema, nested no deeper than a saved article may
 * be. An update that breaks one of these would make the live text
 * impossible to save (an unknown node), or overflow the stack of every reader of it (50,000 nested blockquotes),
 * for everyone, and for good once it is stored.
 */

const schema = editorSchema();
const NODE_NAMES = new Set(Object.keys(schema.nodes));
const MARK_NAMES = new Set(Object.keys(schema.marks));
// y-prosemirror stores a mark that may overlap itself (a claim) as `name--<hash>`.
const markName = (key: string) => key.split('--')[0] ?? key;

/**
 * Writers (Yjs client ids) one update may bring that the document has not seen. An editor's update carries its own
 * id, or the few of its earlier sessions' offline edits; 40,000 new ids in 450 KB took the server 0.9 s to apply, and
 * made every later state vector it sends that much longer.
 */
export const MAX_NEW_WRITERS = 64;

/** Why `update` may not be applied to `doc`, or null. */
export function updateRefusal(doc: Y.Doc, update: Uint8Array): string | null {
  let structs: (Y.Item | Y.GC | Y.Skip)[];
  try {
    ({ structs } = Y.decodeUpdate(update));
  } catch {
    return 'Malformed update';
  }
  // The update's own items by client, in clock order (an item covers `length` clocks from its own).
  const byClient = new Map<number, Y.Item[]>();
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { content } = struct;
    if (content instanceof Y.ContentType && content.type instanceof Y.XmlElement) {
      if (!NODE_NAMES.has(content.type.nodeName)) return `Unknown element: ${content.type.nodeName.slice(0, 40)}`;
    } else if (content instanceof Y.ContentFormat) {
      if (!MARK_NAMES.has(markName(content.key))) return `Unknown mark: ${content.key.slice(0, 40)}`;
    }
    const list = byClient.get(struct.id.client) ?? [];
    list.push(struct);
    byClient.set(struct.id.client, list);
  }
  let newWriters = 0;
  for (const client of byClient.keys())
    if (!doc.store.clients.has(client) && ++newWriters > MAX_NEW_WRITERS) return 'Too many writers in one change';
  // The update's item holding a clock: by binary search in its client's items (decoded in clock order).
  const own = (id: Y.ID): Y.Item | undefined => {
    const list = byClient.get(id.client);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const item = list[middle];
      if (!item) return undefined;
      if (id.clock < item.id.clock) high = middle - 1;
      else if (id.clock >= item.id.clock + item.length) low = middle + 1;
      else return item;
    }
    return undefined;
  };
  // A stored item; 'collected' for one garbage-collected inside a deleted element (what is typed there goes too).
  const stored = (id: Y.ID): Y.Item | 'collected' | null => {
    try {
      const struct = Y.getItem(doc.store, id);
      return struct instanceof Y.Item ? struct : 'collected';
    } catch {
      return null;
    }
  };
  /** How many elements a stored item sits in (0: directly in a root type). */
  const storedLevel = (item: Y.Item): number => {
    let level = 0;
    for (let type = item.parent as Y.AbstractType<unknown> | null; type?._item; type = type._item.parent as never)
      level++;
    return level;
  };

  // How many elements each of the update's items sits in, resolved through its parent or the neighbour it was
  // inserted beside (in the update or in the document), without recursion: a chain of 50,000 is only a long loop.
  // An item that builds on itself gets Infinity.
  const PENDING = -1;
  const levels = new Map<Y.Item, number>();
  const refOf = (item: Y.Item): { id: Y.ID; step: number } | 'root' | null => {
    const parent = item.parent as Y.ID | string | null;
    if (typeof parent === 'string') return 'root';
    if (parent instanceof Y.ID) return { id: parent, step: 1 };
    const beside = item.origin ?? item.rightOrigin;
    return beside ? { id: beside, step: 0 } : null;
  };
  const levelOf = (start: Y.Item): number => {
    const stack = [start];
    while (stack.length > 0) {
      const item = stack[stack.length - 1] as Y.Item;
      const known = levels.get(item);
      if (known !== undefined && known !== PENDING) {
        stack.pop();
        continue;
      }
      const ref = refOf(item);
      let level: number | undefined;
      if (ref === 'root') level = 0;
      else if (ref === null) level = Infinity;
      else {
        const target = own(ref.id);
        if (target) {
          const targetLevel = levels.get(target);
          if (targetLevel === undefined) {
            levels.set(item, PENDING);
            stack.push(target);
            continue;
          }
          level = targetLevel === PENDING ? Infinity : targetLevel + ref.step;
        } else {
          const existing = stored(ref.id);
          // Not here yet: an editor reconnecting may send an update before the one it builds on (Yjs holds it until
          // then). Counted from the top: a chain within the update is still measured.
          level = existing === null || existing === 'collected' ? ref.step : storedLevel(existing) + ref.step;
        }
      }
      levels.set(item, level);
      stack.pop();
    }
    return levels.get(start) ?? Infinity;
  };
  for (const list of byClient.values())
    for (const item of list) {
      const level = levelOf(item);
      if (level === Infinity) return 'Malformed update';
      if (level > MAX_DOCUMENT_DEPTH + 2) return 'Elements nested too deeply';
    }
  return null;
}
