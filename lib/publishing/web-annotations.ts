import type { PublicationSnapshot } from './snapshot';

const ANNO = 'http://www.w3.org/ns/anno.jsonld';

/**
 * A published version as a W3C Web Annotation collection: one `assessing` annotation per claim, targeting
 * the version's page with the claim's TextQuoteSelector and TextPositionSelector (over the article text).
 * Bodies: the rating and short verdict as a TextualBody, the explanation and each source as linked resources.
 */
export function webAnnotations(s: PublicationSnapshot, publicationId: string, origin: string) {
  const collection = `${origin}/api/v1/publications/${publicationId}/annotations`;
  const versionUrl = `${origin}/a/${s.article.slug}/v/${s.number}`;
  const creator = {
    type: 'Organization',
    name: s.organisation.name,
    ...(s.organisation.url ? { homepage: s.organisation.url } : {}),
  };
  const items = s.claims.map((c) => ({
    '@context': ANNO,
    id: `${collection}#${c.id}`,
    type: 'Annotation',
    motivation: 'assessing',
    created: new Date(s.publishedAt).toISOString(),
    creator,
    body: [
      {
        type: 'TextualBody',
        purpose: 'assessing',
        value: `${c.rating.label}: ${c.shortVerdict}`,
        format: 'text/plain',
        language: s.article.language,
      },
      { id: `${versionUrl}#claim-${c.id}`, type: 'Text', format: 'text/html', purpose: 'describing' },
      ...c.sources.map((src) => ({ id: src.url, type: 'Text', purpose: 'linking' })),
    ],
    target: {
      source: versionUrl,
      type: 'Text',
      format: 'text/html',
      selector: [
        { type: 'TextQuoteSelector', exact: c.exact, prefix: c.prefix, suffix: c.suffix },
        { type: 'TextPositionSelector', start: c.start, end: c.end },
      ],
    },
  }));
  return {
    '@context': ANNO,
    id: collection,
    type: 'AnnotationCollection',
    label: `Fact-check: ${s.article.title} (version ${s.number})`,
    total: items.length,
    first: { id: `${collection}?page=1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}
