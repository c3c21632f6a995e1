import { z } from 'zod';
import { claimDetailDto, updateClaimInput } from '@/lib/validation/verdicts';
import { claimDto, createClaimInput } from '@/lib/validation/articles';
import { pageOf } from '@/lib/validation/common';
import { op } from './operation';
import { MAX_API_BODY_BYTES } from '@/lib/api/body-limit';

/** The /api/v1 operations tagged Claims. */
export const claimOperations = {
  listClaims: op({
    method: 'GET',
    path: '/api/v1/articles/{id}/claims',
    summary: 'The article’s claims in document order (`?deleted=true`: those deleted in the last 30 days)',
    tag: 'Claims',
    access: 'signed-in',
    who: 'any staff member',
    query: z.strictObject({ deleted: z.enum(['true', 'false']).optional() }),
    response: pageOf(claimDto),
    status: 200,
  }),
  createClaim: op({
    method: 'POST',
    path: '/api/v1/articles/{id}/claims',
    summary: 'Mark the words found by `quote` (or `position`) as a claim; 422 when not found or ambiguous',
    tag: 'Claims',
    access: 'signed-in',
    who: 'editor',
    body: createClaimInput,
    maxBodyBytes: MAX_API_BODY_BYTES,
    response: claimDto,
    status: 201,
  }),
  getClaim: op({
    method: 'GET',
    path: '/api/v1/claims/{id}',
    summary: 'One claim with its verdict and sources',
    tag: 'Claims',
    access: 'signed-in',
    who: 'any staff member',
    response: claimDetailDto,
    status: 200,
  }),
  updateClaim: op({
    method: 'PATCH',
    path: '/api/v1/claims/{id}',
    summary:
      'Save the claim’s fields and verdict; 409 when baseVersion is stale. Changing any reviewed field of a claim in review or approved sends it back to draft; identical values change nothing.',
    tag: 'Claims',
    access: 'signed-in',
    who: 'editor',
    body: updateClaimInput,
    maxBodyBytes: MAX_API_BODY_BYTES,
    response: claimDetailDto,
    status: 200,
  }),
  submitClaim: op({
    method: 'POST',
    path: '/api/v1/claims/{id}/submit',
    summary: 'Submit for review; 422 names each missing piece (rating, shortVerdict, sources)',
    tag: 'Claims',
    access: 'signed-in',
    who: 'editor',
    response: claimDetailDto,
    status: 200,
  }),
  deleteClaim: op({
    method: 'DELETE',
    path: '/api/v1/claims/{id}',
    summary: 'Delete a claim and its highlight (restorable for 30 days)',
    tag: 'Claims',
    access: 'signed-in',
    who: 'editor',
    status: 204,
  }),
  restoreClaim: op({
    method: 'POST',
    path: '/api/v1/claims/{id}/restore',
    summary: 'Restore a claim deleted in the last 30 days',
    tag: 'Claims',
    access: 'signed-in',
    who: 'editor',
    response: claimDto,
    status: 200,
  }),
  exportClaimsCsv: op({
    method: 'GET',
    path: '/api/v1/articles/{id}/claims.csv',
    summary: 'The article’s claims with verdicts and sources as CSV (formula-like cells neutralised)',
    tag: 'Claims',
    access: 'signed-in',
    who: 'any staff member',
    mediaType: 'text/csv',
    status: 200,
  }),
};
