import { z } from 'zod';
import { addSourceInput, claimDetailDto, sourceDto, updateSourceInput } from '@/lib/validation/verdicts';
import { pageOf } from '@/lib/validation/common';
import { op } from './operation';

/** The /api/v1 operations tagged Sources. */
export const sourceOperations = {
  addSource: op({
    method: 'POST',
    path: '/api/v1/claims/{id}/sources',
    summary: 'Add a source by URL (metadata fetched when reachable) or reuse one from the library by `sourceId`',
    tag: 'Sources',
    access: 'signed-in',
    who: 'editor',
    body: addSourceInput,
    response: claimDetailDto,
    status: 201,
  }),
  updateSource: op({
    method: 'PATCH',
    path: '/api/v1/claims/{id}/sources/{sourceId}',
    summary: 'Change a source, its excerpt for this claim, or its place in the list',
    tag: 'Sources',
    access: 'signed-in',
    who: 'editor',
    body: updateSourceInput,
    response: claimDetailDto,
    status: 200,
  }),
  removeSource: op({
    method: 'DELETE',
    path: '/api/v1/claims/{id}/sources/{sourceId}',
    summary: 'Remove a source from the claim (it stays in the library)',
    tag: 'Sources',
    access: 'signed-in',
    who: 'editor',
    status: 204,
  }),
  searchSources: op({
    method: 'GET',
    path: '/api/v1/sources',
    summary: 'The organisation’s source library, searched by URL or title (`?q=`)',
    tag: 'Sources',
    access: 'signed-in',
    who: 'any staff member',
    query: z.strictObject({ q: z.string().max(200).default('') }),
    response: pageOf(sourceDto),
    status: 200,
  }),
};
