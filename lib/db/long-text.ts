import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from './index';

/**
 * Prisma's runtime passes a statement's parameters through JSON.stringify and JSON.parse on the server's only
 * thread, escaping every quote: one statement carrying a 2 MB article's JSON and text held the event loop over
 * 100 ms. A long text therefore goes in as pieces of at most PIECE_CHARS, one statement each (other requests are
 * served in between), into a scratch table of the transaction's own connection that empties itself at commit;
 * the statement that needs the text reads the pieces back joined.
 */
const PIECE_CHARS = 128 * 1024;

/** Cut points at most PIECE_CHARS apart that never split a surrogate pair (each piece must be valid UTF-16). */
function pieces(text: string): string[] {
  const out: string[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + PIECE_CHARS);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}

/**
 * An SQL expression with the value of `text`, for use in a statement of the same transaction: the text itself
 * when short, else the joined pieces written by this call.
 */
export async function longText(tx: Tx, text: string): Promise<Prisma.Sql> {
  if (text.length <= PIECE_CHARS) return Prisma.sql`${text}`;
  await tx.$executeRaw`CREATE TEMP TABLE IF NOT EXISTS factmark_long_text (key uuid NOT NULL, n int NOT NULL, part text NOT NULL) ON COMMIT DELETE ROWS`;
  const key = crypto.randomUUID();
  const parts = pieces(text);
  for (let n = 0; n < parts.length; n++) {
    await tx.$executeRaw`INSERT INTO pg_temp.factmark_long_text (key, n, part) VALUES (${key}::uuid, ${n}, ${parts[n]})`;
  }
  return Prisma.sql`(SELECT string_agg(part, '' ORDER BY n) FROM pg_temp.factmark_long_text WHERE key = ${key}::uuid)`;
}
