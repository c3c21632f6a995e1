import 'server-only';
import { quoteAt } from '@/lib/anchoring/quote';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { boundedCache } from '@/lib/publishing/bounded-cache';
import { suggestClaims, type Suggestion } from '@/lib/suggestions/suggest-claims';
import type { SuggestionsDto } from '@/lib/validation/suggestions';

// Scored once per article version: a version's text never changes. Concurrent requests share one scoring.
const scored = boundedCache<Suggestion[]>('claim-suggestions', 8 * 1024 * 1024, 500);
const inFlight = new Map<string, Promise<Suggestion[]>>();

function suggestionsOf(key: string, text: string): Promise<Suggestion[]> {
  const hit = scored.get(key);
  if (hit) return Promise.resolve(hit);
  const running = inFlight.get(key);
  if (running) return running;
  const work = suggestClaims(text)
    .then((found) => {
      scored.set(key, found, 64 + found.reduce((n, s) => n + 48 + s.reasons.join('').length * 2, 0));
      return found;
    })
    .finally(() => inFlight.delete(key));
  inFlight.set(key, work);
  return work;
}

/**
 * The article's most check-worthy sentences and clauses that no claim overlaps yet, best first, in the
 * coordinates of claims' selectors (the article's plain text), for staff who may read the article.
 */
export async function suggestArticleClaims(
  actor: Actor | null,
  articleId: string,
  limit = 20,
): Promise<SuggestionsDto> {
  authorize(actor, 'readNewsroom');
  const article = await db().article.findFirst({
    where: { id: articleId, deletedAt: null },
    select: { id: true, version: true, plainText: true },
  });
  if (!article) throw notFound('No article with this id.');
  const claims = await db().claim.findMany({
    where: { articleId, deletedAt: null, detachedAt: null },
    select: { start: true, end: true },
  });
  const found = await suggestionsOf(`${article.id}:${article.version}`, article.plainText);
  const isFree = (s: Suggestion) => claims.every((c) => c.end <= s.position.start || c.start >= s.position.end);
  const items = found
    .filter(isFree)
    .slice(0, limit)
    .map((s) => ({
      quote: quoteAt(article.plainText, s.position),
      position: s.position,
      score: s.score,
      reasons: s.reasons,
    }));
  return { items };
}
