import { test } from '@playwright/test';
import { apiAs, uniqueSuffix } from './accounts';
import {
  adminOnly,
  article,
  claimInReview,
  commenters,
  comment,
  completeClaim,
  deletedClaim,
  demoPublicationId,
  editorsOnly,
  freshRating,
  fullSource,
  reviewersOnly,
  sameClaims,
  signedIn,
  type Row,
} from './api-matrix';
import { claimVersion } from './review';

/** The API matrix's rows for claims, sources, claim memory, ratings, reviews, comments, notifications, audit and publications. */
export const claimRows: Row[] = [
  {
    route: 'GET /api/v1/claims/{id}',
    build: async (w) => ({ path: `/api/v1/claims/${(await article(w)).claimId}` }),
    expect: signedIn(200),
  },
  {
    route: 'DELETE /api/v1/claims/{id}',
    build: async (w) => ({ path: `/api/v1/claims/${(await article(w)).claimId}` }),
    expect: editorsOnly(204),
  },
  {
    route: 'POST /api/v1/claims/{id}/restore',
    build: async (w) => ({ path: `/api/v1/claims/${await deletedClaim(w)}/restore` }),
    expect: editorsOnly(200),
  },
  {
    route: 'PATCH /api/v1/claims/{id}',
    build: async (w) => ({
      path: `/api/v1/claims/${(await article(w)).claimId}`,
      body: { baseVersion: 1, shortVerdict: 'Checked.' },
    }),
    expect: editorsOnly(200),
  },
  {
    route: 'POST /api/v1/claims/{id}/submit',
    build: async (w) => ({ path: `/api/v1/claims/${(await completeClaim(w)).claimId}/submit` }),
    expect: editorsOnly(200),
  },
  {
    route: 'POST /api/v1/claims/{id}/sources',
    build: async (w) => ({ path: `/api/v1/claims/${(await article(w)).claimId}/sources`, body: fullSource() }),
    expect: editorsOnly(201),
  },
  {
    route: 'PATCH /api/v1/claims/{id}/sources/{sourceId}',
    build: async (w) => {
      const { claimId, sourceId } = await completeClaim(w);
      return { path: `/api/v1/claims/${claimId}/sources/${sourceId}`, body: { excerpt: 'Quoted words.' } };
    },
    expect: editorsOnly(200),
  },
  {
    route: 'DELETE /api/v1/claims/{id}/sources/{sourceId}',
    build: async (w) => {
      const { claimId, sourceId } = await completeClaim(w);
      return { path: `/api/v1/claims/${claimId}/sources/${sourceId}` };
    },
    expect: editorsOnly(204),
  },
  {
    route: 'GET /api/v1/search',
    build: async () => ({ path: '/api/v1/search?q=sky&type=claim' }),
    expect: signedIn(200),
  },
  {
    route: 'GET /api/v1/claims/{id}/similar',
    build: async (w) => ({ path: `/api/v1/claims/${(await article(w)).claimId}/similar` }),
    expect: signedIn(200),
  },
  {
    route: 'POST /api/v1/similar',
    build: async () => ({ path: '/api/v1/similar', body: { text: 'The sky is green' } }),
    expect: signedIn(200),
  },
  {
    route: 'GET /api/v1/articles/{id}/suggestions',
    build: async (w) => ({ path: `/api/v1/articles/${(await article(w)).id}/suggestions` }),
    expect: signedIn(200),
  },
  {
    route: 'POST /api/v1/imports/claimreview',
    build: async () => ({
      path: '/api/v1/imports/claimreview',
      body: {
        document: {
          '@type': 'ClaimReview',
          url: `https://checks.example/${uniqueSuffix()}`,
          claimReviewed: 'The sky is green',
          reviewRating: { alternateName: 'False' },
        },
      },
    }),
    expect: { anonymous: 401, editor: 201, reviewer: 403, admin: 201, disabled: 401, revoked: 401, otherEditor: 201 },
  },
  {
    route: 'GET /api/v1/claims/{id}/same-as',
    build: async (w) => ({ path: `/api/v1/claims/${(await article(w)).claimId}/same-as` }),
    expect: signedIn(200),
  },
  {
    route: 'POST /api/v1/claims/{id}/same-as',
    build: async (w) => ({
      path: `/api/v1/claims/${(await article(w)).claimId}/same-as`,
      body: { claimId: (await article(w)).claimId },
    }),
    expect: editorsOnly(201),
  },
  {
    route: 'DELETE /api/v1/claims/{id}/same-as/{otherId}',
    build: async (w) => {
      const { claimId, otherId } = await sameClaims(w);
      return { path: `/api/v1/claims/${claimId}/same-as/${otherId}` };
    },
    expect: editorsOnly(204),
  },
  { route: 'GET /api/v1/sources', build: async () => ({ path: '/api/v1/sources?q=example' }), expect: signedIn(200) },
  {
    route: 'GET /api/v1/ratings',
    build: async () => ({ path: '/api/v1/ratings' }),
    expect: { anonymous: 200, editor: 200, reviewer: 200, admin: 200, disabled: 401, revoked: 401, otherEditor: 200 },
  },
  {
    route: 'POST /api/v1/ratings',
    build: async () => ({
      path: '/api/v1/ratings',
      body: { label: `New ${uniqueSuffix()}`, colour: '#7e22ce', value: null },
    }),
    expect: adminOnly(201),
  },
  {
    route: 'PATCH /api/v1/ratings/{id}',
    build: async (w) => ({ path: `/api/v1/ratings/${await freshRating(w)}`, body: { description: 'Changed.' } }),
    expect: adminOnly(200),
  },
  {
    route: 'POST /api/v1/claims/{id}/reviews',
    build: async (w) => {
      const id = await claimInReview(w);
      const editorApi = await apiAs(test.info().project.use.baseURL ?? '', w.tokens.editor);
      const version = await claimVersion(editorApi, id);
      await editorApi.dispose();
      return { path: `/api/v1/claims/${id}/reviews`, body: { decision: 'approve', claimVersion: version } };
    },
    expect: reviewersOnly(201),
  },
  {
    route: 'GET /api/v1/review-queue',
    build: async () => ({ path: '/api/v1/review-queue' }),
    expect: reviewersOnly(200),
  },
  {
    route: 'GET /api/v1/claims/{id}/comments',
    build: async (w) => ({ path: `/api/v1/claims/${(await article(w)).claimId}/comments` }),
    expect: signedIn(200),
  },
  {
    route: 'POST /api/v1/claims/{id}/comments',
    build: async (w) => ({ path: `/api/v1/claims/${(await article(w)).claimId}/comments`, body: { body: 'Source?' } }),
    expect: commenters(201),
  },
  {
    route: 'PATCH /api/v1/comments/{id}',
    build: async (w) => ({ path: `/api/v1/comments/${await comment(w)}`, body: { resolved: true } }),
    expect: commenters(200),
  },
  { route: 'GET /api/v1/notifications', build: async () => ({ path: '/api/v1/notifications' }), expect: signedIn(200) },
  {
    route: 'POST /api/v1/notifications/read',
    build: async () => ({ path: '/api/v1/notifications/read', body: {} }),
    expect: signedIn(204),
  },
  { route: 'GET /api/v1/audit', build: async () => ({ path: '/api/v1/audit?entity=User' }), expect: adminOnly(200) },
  {
    route: 'GET /api/v1/articles/{id}/history',
    build: async (w) => ({ path: `/api/v1/articles/${(await article(w)).id}/history` }),
    expect: signedIn(200),
  },
  {
    route: 'PUT /api/v1/articles/{id}/assignment',
    build: async (w) => ({
      path: `/api/v1/articles/${(await article(w)).id}/assignment`,
      body: { factCheckerId: w.users.editor.id, reviewerId: w.users.reviewer.id, dueDate: '2026-12-31' },
    }),
    expect: editorsOnly(200),
  },
  {
    route: 'POST /api/v1/articles/{id}/publications',
    // Nothing approved: an authorized caller gets 422 (what is missing), which proves it passed the authorization layer.
    build: async (w) => ({ path: `/api/v1/articles/${(await article(w)).id}/publications`, body: {} }),
    expect: editorsOnly(422),
  },
  {
    route: 'GET /api/v1/articles/{id}/publications',
    // Public once published; unpublished articles are 404 to everyone, so drafts are not revealed.
    build: async (w) => ({ path: `/api/v1/articles/${(await article(w)).id}/publications` }),
    expect: { anonymous: 404, editor: 404, reviewer: 404, admin: 404, disabled: 401, revoked: 401, otherEditor: 404 },
  },
  {
    route: 'POST /api/v1/articles/{id}/retraction',
    // Never published: an authorized caller gets 422 (nothing to retract), past the authorization layer.
    build: async (w) => ({
      path: `/api/v1/articles/${(await article(w)).id}/retraction`,
      body: { reason: 'Testing the matrix.' },
    }),
    expect: editorsOnly(422),
  },
  {
    route: 'GET /api/v1/articles/{id}/claims.csv',
    build: async (w) => ({ path: `/api/v1/articles/${(await article(w)).id}/claims.csv` }),
    expect: signedIn(200),
  },
  {
    route: 'GET /api/v1/publications/{id}/annotations',
    // Published: public, but a presented token must still be valid.
    build: async (w) => ({ path: `/api/v1/publications/${await demoPublicationId(w)}/annotations` }),
    expect: { anonymous: 200, editor: 200, reviewer: 200, admin: 200, disabled: 401, revoked: 401, otherEditor: 200 },
  },
  {
    route: 'GET /api/v1/claimreview.json',
    build: async () => ({ path: '/api/v1/claimreview.json?limit=5' }),
    expect: { anonymous: 200, editor: 200, reviewer: 200, admin: 200, disabled: 401, revoked: 401, otherEditor: 200 },
  },
  {
    route: 'GET /api/v1/openapi.json',
    build: async () => ({ path: '/api/v1/openapi.json' }),
    expect: { anonymous: 200, editor: 200, reviewer: 200, admin: 200, disabled: 200, revoked: 200, otherEditor: 200 },
  },
];
