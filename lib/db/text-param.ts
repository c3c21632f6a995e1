import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';

/**
 * A long text (an article's JSON or plain text) as a parameter of a raw statement. Prisma's runtime passes
 * string parameters through JSON.stringify and JSON.parse on the server's only thread, escaping every quote
 * (about 100 ms for a 2 MB article); bytes pass as one base64 string, which costs next to nothing, and
 * PostgreSQL turns them back into text.
 */
export function textParam(text: string): Prisma.Sql {
  return Prisma.sql`convert_from(${Buffer.from(text, 'utf8')}, 'UTF8')`;
}
