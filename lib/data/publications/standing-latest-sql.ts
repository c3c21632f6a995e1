import 'server-only';

// An article is public while it has a publication that no later retraction withdrew; everything shown comes from
// that latest publication's snapshot, whatever the article's live rows say.
export const STANDING_LATEST = `
  FROM "Article" a
  JOIN LATERAL (SELECT p.id, p.number, p."publishedAt", p.snapshot FROM "Publication" p WHERE p."articleId" = a.id ORDER BY p.number DESC LIMIT 1) p ON true
  WHERE a."deletedAt" IS NULL
    AND NOT EXISTS (SELECT 1 FROM "Retraction" r WHERE r."articleId" = a.id AND r."createdAt" > p."publishedAt")`;

/**
 * A snapshot without the article's document and text, which exports of claims never read: PostgreSQL drops
 * them, so a long article is not sent to this process and parsed on its event loop for a few claims.
 */
export const SNAPSHOT_WITHOUT_TEXT = `(p.snapshot #- '{article,content}' #- '{article,plainText}')`;
