// Rows the lib/data integration tests start from: each call makes new, uniquely named data in the worker's database.
import { randomUUID } from 'node:crypto';
import type { Actor, Role } from '@/lib/auth/permissions';
import { db, pool, type Tx } from '@/lib/db';
import { documentFromText } from '@/lib/editor/schema';
import { updateClaim } from '@/lib/data/claims/update-claim';
import { getClaimDetail } from '@/lib/data/claims/get-claim-detail';
import { createClaim } from '@/lib/data/claims/create-claim';
import { reviewClaim, submitClaim } from '@/lib/data/claims/lifecycle';
import { addSource } from '@/lib/data/sources/add-source';

export const unique = () => randomUUID().slice(0, 8);

/** A staff member (or, with no roles, a signed-in person without any) as the data layer receives them. */
export async function newActor(roles: Role[], via: Actor['via'] = 'session'): Promise<Actor> {
  const tag = unique();
  const row = await db().user.create({ data: { email: `${tag}@data.test`, name: `User ${tag}`, roles } });
  return { id: row.id, email: row.email, name: row.name, roles, via };
}

/** An article whose text is `text` (one paragraph per line), without claims. */
export async function newArticle(
  text = 'The rate rose to 5% in May.',
  data: { title?: string; createdById?: string; factCheckerId?: string; reviewerId?: string; dueDate?: Date } = {},
) {
  const tag = unique();
  return db().article.create({
    data: {
      title: `Article ${tag}`,
      slug: `article-${tag}`,
      content: documentFromText(text) as object,
      plainText: text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join('\n'),
      ...data,
    },
  });
}

/** A rating on the scale, placed after the seeded ones. */
export async function newRating(value: number | null = 4) {
  return db().rating.create({ data: { label: `Rating ${unique()}`, colour: '#1b5e20', position: 700, value } });
}

/** A claim marked on `words` of the article, as the editor's "Mark claim" does. */
export function markClaim(editor: Actor, articleId: string, words: string) {
  return createClaim(editor, articleId, { quote: { exact: words } });
}

/** A claim with a rating, verdict and source, submitted for review; on a new article unless one is given. */
export async function claimInReview(
  editor: Actor,
  options: { articleId?: string; words?: string; ratingId?: string } = {},
) {
  const words = options.words ?? 'The rate rose';
  const articleId = options.articleId ?? (await newArticle(`${words} to 5% in May.`)).id;
  const claim = await markClaim(editor, articleId, words);
  const ratingId = options.ratingId ?? (await newRating()).id;
  await updateClaim(editor, claim.id, {
    baseVersion: 1,
    rating: ratingId,
    shortVerdict: 'Mostly true.',
    explanation: 'Figures show it.',
  });
  // Title, publisher and date given: nothing is fetched from the address.
  await addSource(editor, claim.id, {
    url: `https://stats.example.org/${unique()}`,
    title: 'Rates table',
    publisher: 'Statistics office',
    publishedAt: '2026-01-15',
    kind: 'official-data',
  });
  return submitClaim(editor, claim.id);
}

/** A claim approved by `reviewer`, ready to publish. */
export async function approvedClaim(editor: Actor, reviewer: Actor, options: Parameters<typeof claimInReview>[1] = {}) {
  const claim = await claimInReview(editor, options);
  await reviewClaim(reviewer, claim.id, { decision: 'approve', claimVersion: claim.version });
  return getClaimDetail(reviewer, claim.id);
}

export const PUBLISHABLE_SETTINGS = {
  name: 'Desk',
  url: 'https://desk.example.org',
  correctionsPolicyUrl: 'https://desk.example.org/corrections',
};

/** The organisation settings publishing needs (a singleton shared by the worker's test files). */
export async function publishableSettings() {
  await db().organisationSettings.upsert({
    where: { id: 'default' },
    create: { id: 'default', ...PUBLISHABLE_SETTINGS },
    update: PUBLISHABLE_SETTINGS,
  });
}

/**
 * Runs `action` while another transaction holds `write` uncommitted, as a request at the same moment would:
 * that transaction commits once `action` waits on its row lock (or has finished without waiting).
 */
export async function whileAnotherWrites<T>(
  write: (tx: Tx) => Promise<unknown>,
  action: () => Promise<T>,
): Promise<PromiseSettledResult<T>> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let holding!: (pid: number) => void;
  const held = new Promise<number>((resolve) => (holding = resolve));
  const other = db().$transaction(
    async (tx) => {
      await write(tx);
      const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      holding(row?.pid ?? 0);
      await gate;
    },
    { timeout: 60_000 },
  );
  const pid = await Promise.race([
    held,
    other.then(() => Promise.reject(new Error('the other transaction ended before holding its row'))),
  ]);
  let finished = false;
  const settled = Promise.allSettled([action()]).then(([result]) => {
    finished = true;
    return result as PromiseSettledResult<T>;
  });
  const deadline = Date.now() + 30_000;
  while (!finished && Date.now() < deadline) {
    const { rowCount } = await pool().query('SELECT 1 FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [
      pid,
    ]);
    if (rowCount) break;
  }
  release();
  await other;
  return settled;
}
