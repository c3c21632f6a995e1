// Every /api/v1 operation: route handlers take their schemas from here, the OpenAPI document is
// generated from here, and the authorization matrix test checks it against the route files.
import { z } from 'zod';
import { articleDto, articleSummaryDto, assignmentDto, assignmentInput, claimDto, createArticleInput, createdArticleDto, createClaimInput, publicationDto, publicationListItemDto, publishInput, retractInput, retractionDto, updateArticleInput } from '@/lib/validation/articles';
import { pageOf, pageQuery } from '@/lib/validation/common';
import { auditEntryDto, auditQuery, commentDto, commentInput, commentUpdateInput, markReadInput, notificationsDto, queueItemDto, queueQuery, reviewDto, reviewInput } from '@/lib/validation/reviews';
import { createRatingInput, ratingDto, ratingScaleDto, updateRatingInput } from '@/lib/validation/ratings';
import { addSourceInput, claimDetailDto, sourceDto, updateClaimInput, updateSourceInput } from '@/lib/validation/verdicts';
import { sameClaimDto, sameClaimInput, searchQuery, searchResultDto, similarInput, similarQuery, similarResultDto } from '@/lib/validation/search';
import { importClaimReviewInput, importClaimReviewResultDto } from '@/lib/validation/claim-reviews';
import { settingsDto, updateSettingsInput } from '@/lib/validation/settings';
import { suggestionsDto, suggestionsQuery } from '@/lib/validation/suggestions';
import { createdTokenDto, createTokenInput, tokenDto } from '@/lib/validation/tokens';
import { createdUserDto, createUserInput, meDto, updateUserInput, userDto } from '@/lib/validation/users';

export type Access = 'public' | 'signed-in';

export interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  summary: string;
  tag: string;
  access: Access;
  /** The roles that may call it, in words, for the document. */
  who: string;
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  /** Media type of a successful response when it is not application/json. */
  mediaType?: string;
  status: number;
}

const op = <T extends Operation>(o: T): T => o;

export const operations = {
  getMe: op({ method: 'GET', path: '/api/v1/me', summary: 'The authenticated user', tag: 'Account', access: 'signed-in', who: 'any signed-in user', response: meDto, status: 200 }),
  listTokens: op({ method: 'GET', path: '/api/v1/tokens', summary: 'Your API tokens (not revoked); a session or one of your tokens may list them', tag: 'Account', access: 'signed-in', who: 'any signed-in user', response: pageOf(tokenDto), status: 200 }),
  createToken: op({ method: 'POST', path: '/api/v1/tokens', summary: 'Create an API token; the secret is in this response only. Needs a signed-in session: a bearer token gets 403', tag: 'Account', access: 'signed-in', who: 'any user signed in with a session (not a token)', body: createTokenInput, response: createdTokenDto, status: 201 }),
  revokeToken: op({ method: 'DELETE', path: '/api/v1/tokens/{id}', summary: 'Revoke one of your API tokens (with a session or any of your tokens, this one included)', tag: 'Account', access: 'signed-in', who: 'the token’s owner', status: 204 }),
  listUsers: op({ method: 'GET', path: '/api/v1/users', summary: 'List users', tag: 'Users', access: 'signed-in', who: 'admin', query: pageQuery, response: pageOf(userDto), status: 200 }),
  createUser: op({ method: 'POST', path: '/api/v1/users', summary: 'Create a user (without a password: returns a one-time invitation link)', tag: 'Users', access: 'signed-in', who: 'admin', body: createUserInput, response: createdUserDto, status: 201 }),
  getUser: op({ method: 'GET', path: '/api/v1/users/{id}', summary: 'One user', tag: 'Users', access: 'signed-in', who: 'admin', response: userDto, status: 200 }),
  updateUser: op({ method: 'PATCH', path: '/api/v1/users/{id}', summary: 'Change a user’s name, roles, or disable them (their sessions end and every API token is revoked at once; enabling them again brings no token back)', tag: 'Users', access: 'signed-in', who: 'admin', body: updateUserInput, response: userDto, status: 200 }),
  resetUserPassword: op({ method: 'POST', path: '/api/v1/users/{id}/password-reset', summary: 'Reset a user’s password: their sessions end, their API tokens keep working; returns a one-time link', tag: 'Users', access: 'signed-in', who: 'admin', response: z.object({ resetUrl: z.string() }), status: 201 }),
  getSettings: op({ method: 'GET', path: '/api/v1/settings', summary: 'Organisation settings', tag: 'Settings', access: 'public', who: 'anyone', response: settingsDto, status: 200 }),
  updateSettings: op({ method: 'PATCH', path: '/api/v1/settings', summary: 'Change organisation settings', tag: 'Settings', access: 'signed-in', who: 'admin', body: updateSettingsInput, response: settingsDto, status: 200 }),
  listArticles: op({ method: 'GET', path: '/api/v1/articles', summary: 'List articles, newest first', tag: 'Articles', access: 'signed-in', who: 'any staff member', query: pageQuery, response: pageOf(articleSummaryDto), status: 200 }),
  createArticle: op({ method: 'POST', path: '/api/v1/articles', summary: 'Create an article from text, Markdown or HTML (`{format, body}`) or import it from a URL (`{url}`); `omitted` lists the images, video and other media the import left out (not stored yet)', tag: 'Articles', access: 'signed-in', who: 'editor', body: createArticleInput, response: createdArticleDto, status: 201 }),
  getArticle: op({ method: 'GET', path: '/api/v1/articles/{id}', summary: 'One article with its content (Tiptap JSON), plain text, version and claims', tag: 'Articles', access: 'signed-in', who: 'any staff member', response: articleDto, status: 200 }),
  updateArticle: op({ method: 'PATCH', path: '/api/v1/articles/{id}', summary: 'Save title and/or content; 409 when baseVersion is stale. Claims follow the document. With live collaboration on, saved content is also applied to the open editors.', tag: 'Articles', access: 'signed-in', who: 'editor', body: updateArticleInput, response: articleDto, status: 200 }),
  listClaims: op({ method: 'GET', path: '/api/v1/articles/{id}/claims', summary: 'The article’s claims in document order (`?deleted=true`: those deleted in the last 30 days)', tag: 'Claims', access: 'signed-in', who: 'any staff member', query: z.strictObject({ deleted: z.enum(['true', 'false']).optional() }), response: pageOf(claimDto), status: 200 }),
  createClaim: op({ method: 'POST', path: '/api/v1/articles/{id}/claims', summary: 'Mark the words found by `quote` (or `position`) as a claim; 422 when not found or ambiguous', tag: 'Claims', access: 'signed-in', who: 'editor', body: createClaimInput, response: claimDto, status: 201 }),
  getClaim: op({ method: 'GET', path: '/api/v1/claims/{id}', summary: 'One claim with its verdict and sources', tag: 'Claims', access: 'signed-in', who: 'any staff member', response: claimDetailDto, status: 200 }),
  updateClaim: op({ method: 'PATCH', path: '/api/v1/claims/{id}', summary: 'Save the claim’s fields and verdict; 409 when baseVersion is stale. Changing any reviewed field of a claim in review or approved sends it back to draft; identical values change nothing.', tag: 'Claims', access: 'signed-in', who: 'editor', body: updateClaimInput, response: claimDetailDto, status: 200 }),
  submitClaim: op({ method: 'POST', path: '/api/v1/claims/{id}/submit', summary: 'Submit for review; 422 names each missing piece (rating, shortVerdict, sources)', tag: 'Claims', access: 'signed-in', who: 'editor', response: claimDetailDto, status: 200 }),
  addSource: op({ method: 'POST', path: '/api/v1/claims/{id}/sources', summary: 'Add a source by URL (metadata fetched when reachable) or reuse one from the library by `sourceId`', tag: 'Sources', access: 'signed-in', who: 'editor', body: addSourceInput, response: claimDetailDto, status: 201 }),
  updateSource: op({ method: 'PATCH', path: '/api/v1/claims/{id}/sources/{sourceId}', summary: 'Change a source, its excerpt for this claim, or its place in the list', tag: 'Sources', access: 'signed-in', who: 'editor', body: updateSourceInput, response: claimDetailDto, status: 200 }),
  removeSource: op({ method: 'DELETE', path: '/api/v1/claims/{id}/sources/{sourceId}', summary: 'Remove a source from the claim (it stays in the library)', tag: 'Sources', access: 'signed-in', who: 'editor', status: 204 }),
  searchSources: op({ method: 'GET', path: '/api/v1/sources', summary: 'The organisation’s source library, searched by URL or title (`?q=`)', tag: 'Sources', access: 'signed-in', who: 'any staff member', query: z.strictObject({ q: z.string().max(200).default('') }), response: pageOf(sourceDto), status: 200 }),
  listRatings: op({ method: 'GET', path: '/api/v1/ratings', summary: 'The rating scale in order, with bestRating/worstRating from its ordinal ratings', tag: 'Ratings', access: 'public', who: 'anyone', response: ratingScaleDto, status: 200 }),
  createRating: op({ method: 'POST', path: '/api/v1/ratings', summary: 'Add a rating to the scale', tag: 'Ratings', access: 'signed-in', who: 'admin', body: createRatingInput, response: ratingDto, status: 201 }),
  updateRating: op({ method: 'PATCH', path: '/api/v1/ratings/{id}', summary: 'Rename, recolour, reorder or (de)activate a rating; ratings are never deleted', tag: 'Ratings', access: 'signed-in', who: 'admin', body: updateRatingInput, response: ratingDto, status: 200 }),
  deleteClaim: op({ method: 'DELETE', path: '/api/v1/claims/{id}', summary: 'Delete a claim and its highlight (restorable for 30 days)', tag: 'Claims', access: 'signed-in', who: 'editor', status: 204 }),
  restoreClaim: op({ method: 'POST', path: '/api/v1/claims/{id}/restore', summary: 'Restore a claim deleted in the last 30 days', tag: 'Claims', access: 'signed-in', who: 'editor', response: claimDto, status: 200 }),
  reviewClaim: op({ method: 'POST', path: '/api/v1/claims/{id}/reviews', summary: 'Approve a claim in review, or request changes with a comment, at the version you reviewed (`claimVersion`; 409 when the claim changed since or is not in review). Nobody who wrote or changed any of its content since its last approval may review it (403).', tag: 'Review', access: 'signed-in', who: 'reviewer (none of the claim’s authors since its last approval)', body: reviewInput, response: reviewDto, status: 201 }),
  reviewQueue: op({ method: 'GET', path: '/api/v1/review-queue', summary: 'Every claim in review, oldest first (`?article=`, `?editor=`)', tag: 'Review', access: 'signed-in', who: 'reviewer', query: queueQuery, response: pageOf(queueItemDto), status: 200 }),
  listComments: op({ method: 'GET', path: '/api/v1/claims/{id}/comments', summary: 'The claim’s discussion, oldest first', tag: 'Review', access: 'signed-in', who: 'any staff member', response: pageOf(commentDto), status: 200 }),
  addComment: op({ method: 'POST', path: '/api/v1/claims/{id}/comments', summary: 'Comment on a claim (or reply with `parentId`)', tag: 'Review', access: 'signed-in', who: 'editor or reviewer', body: commentInput, response: commentDto, status: 201 }),
  updateComment: op({ method: 'PATCH', path: '/api/v1/comments/{id}', summary: 'Resolve or reopen a comment', tag: 'Review', access: 'signed-in', who: 'editor or reviewer', body: commentUpdateInput, response: commentDto, status: 200 }),
  listNotifications: op({ method: 'GET', path: '/api/v1/notifications', summary: 'Your notifications, newest first, with the unread count', tag: 'Review', access: 'signed-in', who: 'any signed-in user', response: notificationsDto, status: 200 }),
  readNotifications: op({ method: 'POST', path: '/api/v1/notifications/read', summary: 'Mark notifications as read (all when `ids` is omitted)', tag: 'Review', access: 'signed-in', who: 'any signed-in user', body: markReadInput, status: 204 }),
  searchAudit: op({ method: 'GET', path: '/api/v1/audit', summary: 'The audit log, newest first, filtered by entity, entityId, actor and dates', tag: 'Audit', access: 'signed-in', who: 'admin', query: auditQuery, response: pageOf(auditEntryDto), status: 200 }),
  articleHistory: op({ method: 'GET', path: '/api/v1/articles/{id}/history', summary: 'The events of an article and its claims, verdicts, sources, reviews and comments, oldest first', tag: 'Audit', access: 'signed-in', who: 'any staff member', response: pageOf(auditEntryDto), status: 200 }),
  setAssignment: op({ method: 'PUT', path: '/api/v1/articles/{id}/assignment', summary: 'Assign the fact-checker (an editor), the reviewer and a due date', tag: 'Articles', access: 'signed-in', who: 'editor', body: assignmentInput, response: assignmentDto, status: 200 }),
  publishArticle: op({ method: 'POST', path: '/api/v1/articles/{id}/publications', summary: 'Publish the approved claims as version N+1 (a correction note is required from version 2); 422 names what is missing', tag: 'Publishing', access: 'signed-in', who: 'editor', body: publishInput, response: publicationDto, status: 201 }),
  retractArticle: op({ method: 'POST', path: '/api/v1/articles/{id}/retraction', summary: 'Retract a published article: its page becomes a retraction notice with the reason; every version stays on record', tag: 'Publishing', access: 'signed-in', who: 'editor', body: retractInput, response: retractionDto, status: 201 }),
  exportClaimsCsv: op({ method: 'GET', path: '/api/v1/articles/{id}/claims.csv', summary: 'The article’s claims with verdicts and sources as CSV (formula-like cells neutralised)', tag: 'Claims', access: 'signed-in', who: 'any staff member', mediaType: 'text/csv', status: 200 }),
  publicationAnnotations: op({ method: 'GET', path: '/api/v1/publications/{id}/annotations', summary: 'A published version’s claims as a W3C Web Annotation AnnotationCollection (JSON-LD, motivation assessing); 410 with the reason while the fact-check is retracted', tag: 'Publishing', access: 'public', who: 'anyone', mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', status: 200 }),
  claimReviewFeed: op({ method: 'GET', path: '/api/v1/claimreview.json', summary: 'Every published claim as schema.org ClaimReview in a DataFeed, paged by article (`?cursor=`, `?limit=`)', tag: 'Publishing', access: 'public', who: 'anyone', query: pageQuery, mediaType: 'application/ld+json', status: 200 }),
  listPublications: op({ method: 'GET', path: '/api/v1/articles/{id}/publications', summary: 'The published versions of an article (404 while unpublished)', tag: 'Publishing', access: 'public', who: 'anyone', response: pageOf(publicationListItemDto), status: 200 }),
  search: op({ method: 'GET', path: '/api/v1/search', summary: 'Search articles, claims (quote, claim as stated, short form, claimant, verdict, explanation) and sources, best first: full text in each article’s language plus trigrams for misspellings and partial names. Filters: `type` (article|claim|source), `state` (draft|in_review|changes_requested|approved|published|retracted), `rating` (rating id), `factChecker` (user id), `claimant` (part of a name), `from`/`to` (dates of the last change); `snippet` is plain text with `highlights` as offsets. Hits of type `imported` are other fact-checkers’ imported ClaimReviews (url: their review; left out by `state`, `rating`, `factChecker`). Empty or over-long `q` → 400', tag: 'Search', access: 'signed-in', who: 'any staff member', query: searchQuery, response: searchResultDto, status: 200 }),
  similarClaims: op({ method: 'GET', path: '/api/v1/claims/{id}/similar', summary: 'Already checked? The claims most like this one (`?limit=`, 1–20, default 5), best first, the claim itself excluded', tag: 'Search', access: 'signed-in', who: 'any staff member', query: similarQuery, response: similarResultDto, status: 200 }),
  similarToText: op({ method: 'POST', path: '/api/v1/similar', summary: 'Already checked? The claims most like `text` (at most 2,000 characters), best first', tag: 'Search', access: 'signed-in', who: 'any staff member', body: similarInput, response: similarResultDto, status: 200 }),
  listSameClaims: op({ method: 'GET', path: '/api/v1/claims/{id}/same-as', summary: 'The claims recorded as the same claim as this one (either way round)', tag: 'Search', access: 'signed-in', who: 'any staff member', response: z.object({ items: z.array(sameClaimDto) }), status: 200 }),
  linkSameClaim: op({ method: 'POST', path: '/api/v1/claims/{id}/same-as', summary: 'Record that this claim is the same claim as `claimId` (once per pair); answers the list', tag: 'Search', access: 'signed-in', who: 'editor', body: sameClaimInput, response: z.object({ items: z.array(sameClaimDto) }), status: 201 }),
  unlinkSameClaim: op({ method: 'DELETE', path: '/api/v1/claims/{id}/same-as/{otherId}', summary: 'Remove the "same claim" record between the two claims', tag: 'Search', access: 'signed-in', who: 'editor', status: 204 }),
  suggestClaims: op({ method: 'GET', path: '/api/v1/articles/{id}/suggestions', summary: 'Suggested claims: the article’s most check-worthy sentences and clauses (numbers, comparisons, causes, attributions and quotes, predictions, names), best first, none overlapping an existing claim, each with its reasons; positions as claims’ (`?limit=`, 1–100, default 20)', tag: 'Search', access: 'signed-in', who: 'any staff member', query: suggestionsQuery, response: suggestionsDto, status: 200 }),
  importClaimReviews: op({ method: 'POST', path: '/api/v1/imports/claimreview', summary: 'Import other fact-checkers’ schema.org ClaimReview: `{url}` (a JSON-LD file, a DataFeed, or an HTML page embedding ClaimReview JSON-LD; fetched under the URL-import rules) or `{document}` (one ClaimReview, an array, a `@graph` or a `DataFeed`). A review without `claimReviewed`, `reviewRating` or `url` is listed in `errors` with its index and the rest imported; the same review `url` again is `updated`, or `skipped` when identical. A paged feed’s next pages (`nextCursor` as `?cursor=`, or a `next` address on the same site) are followed, up to 20 (none begun after 60 s), each under the same rules; counts add up over the pages (`pages`; `nextPage` is the first page left unread past the cap)', tag: 'Search', access: 'signed-in', who: 'admin or editor', body: importClaimReviewInput, response: importClaimReviewResultDto, status: 201 }),
} satisfies Record<string, Operation>;

export type OperationId = keyof typeof operations;
