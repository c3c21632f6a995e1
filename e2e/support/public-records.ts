import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import type { Newsroom } from './accounts';

// What the public-means-published tests read and write through the API: claims, publications, and every public
// page, feed and export whose body they search for a leak.

export interface ClaimDetail {
  id: string;
  version: number;
  status: string;
  sources: { id: string; title: string }[];
}
export interface ClaimReviewEntry {
  url: string;
  claimReviewed: string;
  reviewRating: { alternateName: string };
  itemReviewed: { author?: { name: string; jobTitle?: string }; datePublished?: string; appearance?: { url: string } };
}
export interface Settings {
  name: string;
  url: string | null;
  logoUrl: string | null;
  methodologyUrl: string | null;
  correctionsPolicyUrl: string | null;
}

export async function ok<T>(response: Promise<APIResponse>, status = 200): Promise<T> {
  const r = await response;
  expect(r.status(), `${r.url()}: ${await r.text()}`).toBe(status);
  return (status === 204 ? null : await r.json()) as T;
}

export async function getClaim(api: APIRequestContext, claimId: string): Promise<ClaimDetail> {
  return ok<ClaimDetail>(api.get(`/api/v1/claims/${claimId}`));
}

export async function patchClaim(
  api: APIRequestContext,
  claimId: string,
  data: Record<string, unknown>,
): Promise<void> {
  const { version } = await getClaim(api, claimId);
  await ok(api.patch(`/api/v1/claims/${claimId}`, { data: { baseVersion: version, ...data } }));
}

/** Submits the claim and has the newsroom's reviewer approve the version they read. */
export async function submitAndApprove(room: Newsroom, claimId: string): Promise<void> {
  await ok(room.editorApi.post(`/api/v1/claims/${claimId}/submit`));
  const { version } = await getClaim(room.reviewerApi, claimId);
  await ok(
    room.reviewerApi.post(`/api/v1/claims/${claimId}/reviews`, {
      data: { decision: 'approve', claimVersion: version },
    }),
    201,
  );
  expect((await getClaim(room.editorApi, claimId)).status).toBe('APPROVED');
}

export async function publish(
  api: APIRequestContext,
  articleId: string,
  correctionNote?: string,
): Promise<{ id: string; number: number }> {
  return ok(
    api.post(`/api/v1/articles/${articleId}/publications`, { data: correctionNote ? { correctionNote } : {} }),
    201,
  );
}

/** Every element of the ClaimReview feed, through all its pages. */
export async function claimReviewFeed(request: APIRequestContext): Promise<ClaimReviewEntry[]> {
  const all: ClaimReviewEntry[] = [];
  let cursor: string | null = null;
  do {
    const page: { dataFeedElement: ClaimReviewEntry[]; nextCursor: string | null } = await ok(
      request.get(`/api/v1/claimreview.json?limit=100${cursor ? `&cursor=${cursor}` : ''}`),
    );
    all.push(...page.dataFeedElement);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

export async function fetchAll(request: APIRequestContext, paths: string[]): Promise<Map<string, string>> {
  const bodies = new Map<string, string>();
  for (const path of paths) {
    if (path === 'claimreview') {
      bodies.set(path, JSON.stringify(await claimReviewFeed(request)));
      continue;
    }
    const r = await request.get(path);
    expect(r.status(), path).toBe(200);
    bodies.set(path, await r.text());
  }
  return bodies;
}

/** A text article with one claim, verdict and source, approved by a second person and published. */
export async function publishedArticle(room: Newsroom, title: string, body: string, exact: string) {
  const article = await ok<{ id: string; slug: string }>(
    room.editorApi.post('/api/v1/articles', { data: { title, format: 'text', body } }),
    201,
  );
  const claim = await ok<{ id: string }>(
    room.editorApi.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: { exact } } }),
    201,
  );
  const ratings = await ok<{ items: { id: string; label: string; active: boolean }[] }>(
    room.editorApi.get('/api/v1/ratings'),
  );
  return { article, claim, ratings: ratings.items.filter((r) => r.active) };
}
