import 'server-only';

/**
 * The one rule of what readers see: an article is public while it is not deleted and its latest publication was not
 * withdrawn by a retraction made after it; everything shown comes from that publication's snapshot, whatever the
 * article's live rows say. NOT_WITHDRAWN is the retraction half, as SQL over the given article id and publication time
 * (column references, never user input), for the queries that reach the latest publication their own way.
 */
export const NOT_WITHDRAWN = (articleId: string, publishedAt: string) =>
  `NOT EXISTS (SELECT 1 FROM "Retraction" r WHERE r."articleId" = ${articleId} AND r."createdAt" > ${publishedAt})`;

export const STANDING_LATEST = `
  FROM "Article" a
  JOIN LATERAL (SELECT p.id, p.number, p."publishedAt", p.snapshot FROM "Publication" p WHERE p."articleId" = a.id ORDER BY p.number DESC LIMIT 1) p ON true
  WHERE a."deletedAt" IS NULL
    AND ${NOT_WITHDRAWN('a.id', 'p."publishedAt"')}`;

/**
 * A snapshot without the article's document and text, which exports of claims never read: PostgreSQL drops
 * them, so a long article is not sent to this process and parsed on its event loop for a few claims.
 */
export const SNAPSHOT_WITHOUT_TEXT = `(p.snapshot #- '{article,content}' #- '{article,plainText}')`;
