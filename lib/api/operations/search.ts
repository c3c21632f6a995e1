import { z } from 'zod';
import { importClaimReviewInput, importClaimReviewResultDto } from '@/lib/validation/claim-reviews';
import {
  sameClaimDto,
  sameClaimInput,
  searchQuery,
  searchResultDto,
  similarInput,
  similarQuery,
  similarResultDto,
} from '@/lib/validation/search';
import { suggestionsDto, suggestionsQuery } from '@/lib/validation/suggestions';
import { op } from './operation';
import { MAX_API_BODY_BYTES } from '@/lib/api/body-limit';

/** The /api/v1 operations tagged Search. */
export const searchOperations = {
  search: op({
    method: 'GET',
    path: '/api/v1/search',
    summary:
      'Search articles, claims (quote, claim as stated, short form, claimant, verdict, explanation) and sources, best first: full text in each article’s language plus trigrams for misspellings and partial names. Filters: `type` (article|claim|source), `state` (draft|in_review|changes_requested|approved|published|retracted), `rating` (rating id), `factChecker` (user id), `claimant` (part of a name), `from`/`to` (dates of the last change); `snippet` is plain text with `highlights` as offsets. Hits of type `imported` are other fact-checkers’ imported ClaimReviews (url: their review; left out by `state`, `rating`, `factChecker`). Empty or over-long `q` → 400',
    tag: 'Search',
    access: 'signed-in',
    who: 'any staff member',
    query: searchQuery,
    response: searchResultDto,
    status: 200,
  }),
  similarClaims: op({
    method: 'GET',
    path: '/api/v1/claims/{id}/similar',
    summary:
      'Already checked? The claims most like this one (`?limit=`, 1–20, default 5), best first, the claim itself excluded',
    tag: 'Search',
    access: 'signed-in',
    who: 'any staff member',
    query: similarQuery,
    response: similarResultDto,
    status: 200,
  }),
  similarToText: op({
    method: 'POST',
    path: '/api/v1/similar',
    summary: 'Already checked? The claims most like `text` (at most 2,000 characters), best first',
    tag: 'Search',
    access: 'signed-in',
    who: 'any staff member',
    body: similarInput,
    response: similarResultDto,
    status: 200,
  }),
  listSameClaims: op({
    method: 'GET',
    path: '/api/v1/claims/{id}/same-as',
    summary: 'The claims recorded as the same claim as this one (either way round)',
    tag: 'Search',
    access: 'signed-in',
    who: 'any staff member',
    response: z.object({ items: z.array(sameClaimDto) }),
    status: 200,
  }),
  linkSameClaim: op({
    method: 'POST',
    path: '/api/v1/claims/{id}/same-as',
    summary: 'Record that this claim is the same claim as `claimId` (once per pair); answers the list',
    tag: 'Search',
    access: 'signed-in',
    who: 'editor',
    body: sameClaimInput,
    response: z.object({ items: z.array(sameClaimDto) }),
    status: 201,
  }),
  unlinkSameClaim: op({
    method: 'DELETE',
    path: '/api/v1/claims/{id}/same-as/{otherId}',
    summary: 'Remove the "same claim" record between the two claims',
    tag: 'Search',
    access: 'signed-in',
    who: 'editor',
    status: 204,
  }),
  suggestClaims: op({
    method: 'GET',
    path: '/api/v1/articles/{id}/suggestions',
    summary:
      'Suggested claims: the article’s most check-worthy sentences and clauses (numbers, comparisons, causes, attributions and quotes, predictions, names), best first, none overlapping an existing claim, each with its reasons; positions as claims’ (`?limit=`, 1–100, default 20)',
    tag: 'Search',
    access: 'signed-in',
    who: 'any staff member',
    query: suggestionsQuery,
    response: suggestionsDto,
    status: 200,
  }),
  importClaimReviews: op({
    method: 'POST',
    path: '/api/v1/imports/claimreview',
    summary:
      'Import other fact-checkers’ schema.org ClaimReview: `{url}` (a JSON-LD file, a DataFeed, or an HTML page embedding ClaimReview JSON-LD; fetched under the URL-import rules) or `{document}` (one ClaimReview, an array, a `@graph` or a `DataFeed`). A review without `claimReviewed`, `reviewRating` or `url` is listed in `errors` with its index and the rest imported; the same review `url` again is `updated`, or `skipped` when identical. A paged feed’s next pages (`nextCursor` as `?cursor=`, or a `next` address on the same site) are followed, up to 20 (none begun after 60 s), each under the same rules; counts add up over the pages (`pages`; `nextPage` is the first page left unread past the cap)',
    tag: 'Search',
    access: 'signed-in',
    who: 'admin or editor',
    body: importClaimReviewInput,
    maxBodyBytes: MAX_API_BODY_BYTES,
    response: importClaimReviewResultDto,
    status: 201,
  }),
};
