/** The ways to add an article, named as in `/articles/new?from=…`; the first is the default. */
export const NEW_ARTICLE_SOURCES = ['paste', 'upload', 'url'] as const;
export type NewArticleSource = (typeof NEW_ARTICLE_SOURCES)[number];

/** Reads `?from=`: a known way, else paste (a missing, repeated or unknown value is not an error). */
export function parseNewArticleSource(from: string | string[] | null | undefined): NewArticleSource {
  return NEW_ARTICLE_SOURCES.find((source) => source === from) ?? 'paste';
}
