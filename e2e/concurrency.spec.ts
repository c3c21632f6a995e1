import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiAs, createUser, demoAdmin, tokenFor } from './support/accounts';

/**
 * No lost update: 20 writers × 50 updates to one claim and to one article, each sent with the version it
 * read. Every accepted write gets its own next version, every refused one a 409, and what is stored at
 * the end is the last accepted write — as if the accepted writes had been applied one after another.
 */
const WRITERS = 20;
const UPDATES = 50;

interface Outcome {
  status: number;
  value: string;
  baseVersion: number;
  version?: number;
}

async function hammer(api: APIRequestContext, path: string, field: string, initialVersion: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      let known = initialVersion;
      for (let i = 0; i < UPDATES; i++) {
        const value = `writer ${w} update ${i}`;
        const response = await api.patch(path, { data: { baseVersion: known, [field]: value } });
        const status = response.status();
        if (status === 200) {
          const version = ((await response.json()) as { version: number }).version;
          outcomes.push({ status, value, baseVersion: known, version });
          known = version;
        } else {
          outcomes.push({ status, value, baseVersion: known });
          // Read the current version, as an editor reloading after a conflict would.
          known = ((await (await api.get(path)).json()) as { version: number }).version;
        }
      }
    }),
  );
  return outcomes;
}

function expectSerializable(outcomes: Outcome[], initialVersion: number, finalVersion: number) {
  expect(outcomes).toHaveLength(WRITERS * UPDATES);
  expect(outcomes.filter((o) => o.status !== 200 && o.status !== 409)).toEqual([]);
  const accepted = outcomes.filter((o) => o.status === 200).sort((a, b) => (a.version ?? 0) - (b.version ?? 0));
  expect(accepted.length).toBeGreaterThan(0);
  // Each accepted write made exactly one new version: consecutive, none shared, none skipped.
  expect(accepted.map((o) => o.version)).toEqual(accepted.map((_, i) => initialVersion + i + 1));
  expect(finalVersion).toBe(initialVersion + accepted.length);
  // And each was based on the version just before it: nothing accepted was written over unseen changes.
  expect(accepted.filter((o) => o.version !== o.baseVersion + 1)).toEqual([]);
  return accepted[accepted.length - 1];
}

test('20 concurrent writers on one claim and one article: no update is lost or applied twice', async ({ browser }) => {
  test.setTimeout(180_000);
  const baseURL = test.info().project.use.baseURL ?? '';
  const admin = await apiAs(baseURL, (await tokenFor(browser, demoAdmin.email, demoAdmin.password)).token);
  const editor = await createUser(admin, ['EDITOR']);
  const api = await apiAs(baseURL, (await tokenFor(browser, editor.email, editor.password)).token);
  const article = (await (await api.post('/api/v1/articles', { data: { format: 'text', body: 'Turnout was 90% in the capital.' } })).json()) as { id: string; version: number };
  const claim = (await (await api.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: { exact: 'Turnout was 90%' } } })).json()) as { id: string; version: number };
  const articleVersion = ((await (await api.get(`/api/v1/articles/${article.id}`)).json()) as { version: number }).version;

  const [claimOutcomes, articleOutcomes] = await Promise.all([
    hammer(api, `/api/v1/claims/${claim.id}`, 'shortVerdict', claim.version),
    hammer(api, `/api/v1/articles/${article.id}`, 'title', articleVersion),
  ]);

  const finalClaim = (await (await api.get(`/api/v1/claims/${claim.id}`)).json()) as { version: number; shortVerdict: string };
  const lastClaimWrite = expectSerializable(claimOutcomes, claim.version, finalClaim.version);
  expect(finalClaim.shortVerdict).toBe(lastClaimWrite?.value);

  const finalArticle = (await (await api.get(`/api/v1/articles/${article.id}`)).json()) as { version: number; title: string };
  const lastArticleWrite = expectSerializable(articleOutcomes, articleVersion, finalArticle.version);
  expect(finalArticle.title).toBe(lastArticleWrite?.value);

  // The history holds one entry per accepted claim write.
  const history = (await (await api.get(`/api/v1/articles/${article.id}/history`)).json()) as { items: { action: string; entityId: string }[] };
  const claimUpdates = history.items.filter((e) => e.entityId === claim.id && /^(claim|verdict)\.update/.test(e.action));
  expect(claimUpdates.length).toBe(claimOutcomes.filter((o) => o.status === 200).length);
});
