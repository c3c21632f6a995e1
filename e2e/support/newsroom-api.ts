import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import type { AddSourceInput, ClaimDetailDto } from '@/lib/validation/verdicts';
import { uniqueSuffix } from './accounts';
import { reviewNow } from './review';

/** A claim as `GET /api/v1/claims/{id}` returns it. */
export type ClaimDetail = ClaimDetailDto;

/** A new source cited by URL, as `POST /api/v1/claims/{id}/sources` accepts it. */
export type SourceInput = Extract<AddSourceInput, { url: string }>;

/** The body of a response as JSON, typed by the caller; fails the test on a 5xx whatever the caller expects. */
export async function bodyOf<T>(response: APIResponse): Promise<T> {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBeLessThan(500);
  return (await response.json()) as T;
}

/** The organisation details publishing requires (name, website, corrections policy), set by an admin. */
export async function settlePublishingSettings(admin: APIRequestContext): Promise<void> {
  const response = await admin.patch('/api/v1/settings', {
    data: {
      name: 'Factmark E2E Newsroom',
      url: 'https://newsroom.example.org',
      correctionsPolicyUrl: 'https://newsroom.example.org/corrections',
    },
  });
  expect(response.status(), await response.text()).toBe(200);
}

export async function activeRatings(api: APIRequestContext): Promise<{ id: string; label: string }[]> {
  const scale = await bodyOf<{ items: { id: string; label: string; active?: boolean }[] }>(
    await api.get('/api/v1/ratings'),
  );
  return scale.items.filter((r) => r.active !== false);
}

export async function createTextArticle(
  api: APIRequestContext,
  body: string,
  title?: string,
): Promise<{ id: string; slug: string }> {
  const response = await api.post('/api/v1/articles', { data: { format: 'text', body, ...(title ? { title } : {}) } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; slug: string };
}

export async function markClaim(api: APIRequestContext, articleId: string, exact: string): Promise<string> {
  const response = await api.post(`/api/v1/articles/${articleId}/claims`, { data: { quote: { exact } } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

export async function getClaimDetail(api: APIRequestContext, claimId: string): Promise<ClaimDetail> {
  const response = await api.get(`/api/v1/claims/${claimId}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as ClaimDetail;
}

/** Saves fields of a claim on its current version; the save must succeed. */
export async function saveClaim(
  api: APIRequestContext,
  claimId: string,
  fields: Record<string, unknown>,
): Promise<ClaimDetail> {
  const { version } = await getClaimDetail(api, claimId);
  const response = await api.patch(`/api/v1/claims/${claimId}`, { data: { baseVersion: version, ...fields } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as ClaimDetail;
}

export async function addSource(
  api: APIRequestContext,
  claimId: string,
  source: SourceInput | { sourceId: string; excerpt?: string },
): Promise<ClaimDetail> {
  const response = await api.post(`/api/v1/claims/${claimId}/sources`, { data: source });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as ClaimDetail;
}

export async function submitClaim(api: APIRequestContext, claimId: string): Promise<void> {
  const response = await api.post(`/api/v1/claims/${claimId}/submit`);
  expect(response.status(), await response.text()).toBe(200);
}

/** An article with one claim whose verdict is complete (rating, short verdict, one source): ready to submit. */
export async function readyClaim(
  room: { editorApi: APIRequestContext },
  words: string,
): Promise<{ articleId: string; claimId: string }> {
  const { id: articleId } = await createTextArticle(
    room.editorApi,
    `Officials said that ${words} this year.`,
    `Ready ${uniqueSuffix()}`,
  );
  const claimId = await markClaim(room.editorApi, articleId, words);
  await saveClaim(room.editorApi, claimId, {
    rating: (await activeRatings(room.editorApi)).find((r) => r.label === 'False')?.id,
    shortVerdict: 'No: the data say otherwise.',
  });
  await addSource(room.editorApi, claimId, {
    url: 'https://stats.example.org/t1',
    title: 'Table 1',
    publisher: 'Stats office',
    publishedAt: '2025-05-01',
    kind: 'official-data',
  });
  return { articleId, claimId };
}

/**
 * Marks `exact` in the article, rates it (`False` unless told) with a short verdict and one source, submits it as
 * the editor and has the reviewer approve it: the article can then be published. Answers the claim's id.
 */
export async function approvedClaim(
  room: { editorApi: APIRequestContext; reviewerApi: APIRequestContext },
  articleId: string,
  exact: string,
  verdict: { rating?: string; shortVerdict: string; source: SourceInput },
): Promise<string> {
  const label = verdict.rating ?? 'False';
  const rating = (await activeRatings(room.editorApi)).find((r) => r.label === label)?.id;
  expect(rating, `a rating named ${label}`).toBeTruthy();
  const claimId = await markClaim(room.editorApi, articleId, exact);
  await saveClaim(room.editorApi, claimId, { rating, shortVerdict: verdict.shortVerdict });
  await addSource(room.editorApi, claimId, verdict.source);
  await submitClaim(room.editorApi, claimId);
  const approval = await reviewNow(room.reviewerApi, claimId, { decision: 'approve' });
  expect(approval.status(), await approval.text()).toBe(201);
  return claimId;
}

/** Tiptap JSON of an explanation as plain text: one line per top-level block. */
export function explanationText(doc: unknown): string {
  const textOf = (node: unknown): string => {
    if (!node || typeof node !== 'object') return '';
    const n = node as { text?: unknown; content?: unknown };
    if (typeof n.text === 'string') return n.text;
    return Array.isArray(n.content) ? n.content.map(textOf).join('') : '';
  };
  const blocks = (doc as { content?: unknown } | null)?.content;
  return Array.isArray(blocks) ? blocks.map(textOf).join('\n') : '';
}
