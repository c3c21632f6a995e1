import {
  articleDto,
  articleSummaryDto,
  assignmentDto,
  assignmentInput,
  createArticleInput,
  createdArticleDto,
  updateArticleInput,
} from '@/lib/validation/articles';
import { pageOf, pageQuery } from '@/lib/validation/common';
import { op } from './operation';
import { MAX_API_BODY_BYTES } from '@/lib/api/body-limit';

/** The /api/v1 operations tagged Articles. */
export const articleOperations = {
  listArticles: op({
    method: 'GET',
    path: '/api/v1/articles',
    summary: 'List articles, newest first',
    tag: 'Articles',
    access: 'signed-in',
    who: 'any staff member',
    query: pageQuery,
    response: pageOf(articleSummaryDto),
    status: 200,
  }),
  createArticle: op({
    method: 'POST',
    path: '/api/v1/articles',
    summary:
      'Create an article from text, Markdown or HTML (`{format, body}`) or import it from a URL (`{url}`); images (PNG, JPEG, GIF, WebP up to 5 MB, 20 per import) are fetched under the same rules, stored and shown as figures served from `/media/{id}`; `omitted` lists the images, video and other media the import left out',
    tag: 'Articles',
    access: 'signed-in',
    who: 'editor',
    body: createArticleInput,
    maxBodyBytes: MAX_API_BODY_BYTES,
    response: createdArticleDto,
    status: 201,
  }),
  getArticle: op({
    method: 'GET',
    path: '/api/v1/articles/{id}',
    summary: 'One article with its content (Tiptap JSON), plain text, version and claims',
    tag: 'Articles',
    access: 'signed-in',
    who: 'any staff member',
    response: articleDto,
    status: 200,
  }),
  updateArticle: op({
    method: 'PATCH',
    path: '/api/v1/articles/{id}',
    summary:
      'Save title and/or content; 409 when baseVersion is stale. Claims follow the document. With live collaboration on, saved content is also applied to the open editors.',
    tag: 'Articles',
    access: 'signed-in',
    who: 'editor',
    body: updateArticleInput,
    maxBodyBytes: MAX_API_BODY_BYTES,
    response: articleDto,
    status: 200,
  }),
  setAssignment: op({
    method: 'PUT',
    path: '/api/v1/articles/{id}/assignment',
    summary: 'Assign the fact-checker (an editor), the reviewer and a due date',
    tag: 'Articles',
    access: 'signed-in',
    who: 'editor',
    body: assignmentInput,
    response: assignmentDto,
    status: 200,
  }),
};
