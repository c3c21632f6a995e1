import 'server-only';
import { pool } from '@/lib/db';

/** The organisation's name as the newest publication put it (null before anything is published). */
export async function findPublishedOrganisationName(): Promise<string | null> {
  const { rows } = await pool().query<{ name: string | null }>(
    `SELECT snapshot->'organisation'->>'name' AS name FROM "Publication" ORDER BY "publishedAt" DESC, id DESC LIMIT 1`,
  );
  return rows[0]?.name || null;
}
