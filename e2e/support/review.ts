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
