import { expect, type APIRequestContext } from '@playwright/test';

/** The claim's current version, which a review must name (`claimVersion`). */
export async function claimVersion(api: APIRequestContext, claimId: string): Promise<number> {
  const response = await api.get(`/api/v1/claims/${claimId}`);
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { version: number }).version;
}

/** A review of the claim as it is now: `decision` at its current version. */
export async function reviewNow(
  api: APIRequestContext,
  claimId: string,
  body: { decision: 'approve' | 'request_changes'; comment?: string },
) {
  return api.post(`/api/v1/claims/${claimId}/reviews`, {
    data: { ...body, claimVersion: await claimVersion(api, claimId) },
  });
}

/**
 * Marks "The deficit halved in one year" in the article, rates it False with a short verdict and an official source,
 * submits it and has the reviewer approve it: the article can then be published.
 */
export async function approveDeficitClaim(
  editorApi: APIRequestContext,
  reviewerApi: APIRequestContext,
  articleId: string,
): Promise<void> {
  const claim = (await (
    await editorApi.post(`/api/v1/articles/${articleId}/claims`, {
      data: { quote: { exact: 'The deficit halved in one year' } },
    })
  ).json()) as { id: string };
  const ratings = (await (await editorApi.get('/api/v1/ratings')).json()) as { items: { id: string; label: string }[] };
  await editorApi.patch(`/api/v1/claims/${claim.id}`, {
    data: {
      baseVersion: 1,
      rating: ratings.items.find((r) => r.label === 'False')?.id,
      shortVerdict: 'It fell by 8%, not 50%.',
    },
  });
  await editorApi.post(`/api/v1/claims/${claim.id}/sources`, {
    data: {
      url: 'https://budget.example.org/2025',
      title: 'Budget outturn 2025',
      publisher: 'Treasury',
      publishedAt: '2025-04-01',
      kind: 'official-data',
    },
  });
  await editorApi.post(`/api/v1/claims/${claim.id}/submit`);
  expect((await reviewNow(reviewerApi, claim.id, { decision: 'approve' })).status()).toBe(201);
}
