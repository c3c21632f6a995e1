import { pageOf, pageQuery } from '@/lib/validation/common';
import {
  publicationDto,
  publicationListItemDto,
  publishInput,
  retractInput,
  retractionDto,
} from '@/lib/validation/articles';
import { op } from './operation';

/** The /api/v1 operations tagged Publishing. */
export const publishingOperations = {
  publishArticle: op({
    method: 'POST',
    path: '/api/v1/articles/{id}/publications',
    summary:
      'Publish the approved claims as version N+1 (a correction note is required from version 2); 422 names what is missing',
    tag: 'Publishing',
    access: 'signed-in',
    who: 'editor',
    body: publishInput,
    response: publicationDto,
    status: 201,
  }),
  retractArticle: op({
    method: 'POST',
    path: '/api/v1/articles/{id}/retraction',
    summary:
      'Retract a published article: its page becomes a retraction notice with the reason; every version stays on record',
    tag: 'Publishing',
    access: 'signed-in',
    who: 'editor',
    body: retractInput,
    response: retractionDto,
    status: 201,
  }),
  publicationAnnotations: op({
    method: 'GET',
    path: '/api/v1/publications/{id}/annotations',
    summary:
      'A published version’s claims as a W3C Web Annotation AnnotationCollection (JSON-LD, motivation assessing); 410 with the reason while the fact-check is retracted',
    tag: 'Publishing',
    access: 'public',
    who: 'anyone',
    mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    status: 200,
  }),
  claimReviewFeed: op({
    method: 'GET',
    path: '/api/v1/claimreview.json',
    summary: 'Every published claim as schema.org ClaimReview in a DataFeed, paged by article (`?cursor=`, `?limit=`)',
    tag: 'Publishing',
    access: 'public',
    who: 'anyone',
    query: pageQuery,
    mediaType: 'application/ld+json',
    status: 200,
  }),
  listPublications: op({
    method: 'GET',
    path: '/api/v1/articles/{id}/publications',
    summary: 'The published versions of an article (404 while unpublished)',
    tag: 'Publishing',
    access: 'public',
    who: 'anyone',
    response: pageOf(publicationListItemDto),
    status: 200,
  }),
};
