import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiAs, createUser, demoAdminApi, tokenFor } from './support/accounts';

/**
 * No lost update: 20 writers × 50 updates to one claim and to one article, each sent with the version it
 * read. Every accepted write gets its own next version, every refused one a 409 (or, on a busy machine, a
 * 503 that wrote nothing), and what is stored at the end is the last accepted write — as if the accepted
 * writes had been applied one after another.
 */
const WRITERS = 20;
// npm run test:stress sets fewer (15): under a CPU hog on a shared 2-core machine 2,000 writes outlast any sane timeout.
const UPDATES = Number(process.env.CONCURRENCY_UPDATES ?? 50);

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
  expect(outcomes.filter((o) => ![200, 409, 503].includes(o.status))).toEqual([]);
  const accepted = outcomes.filter((o) => o.status === 200).sort((a, b) => (a.version ?? 0) - (b.version ?? 0));
  expect(accepted.length).toBeGreaterThan(0);
  // Each accepted write made exactly one new version: consecutive, none shared, none skipped.
  expect(accepted.map((o) => o.version)).toEqual(accepted.map((_, i) => initialVersion + i + 1));
  expect(finalVersion).toBe(initialVersion + accepted.length);
  // And each was based on the version just before it: nothing accepted was written over unseen changes.
  expect(accepted.filter((o) => o.version !== o.baseVersion + 1)).toEqual([]);
  return accepted[accepted.length - 1];
}

test('20 concurrent writers on one claim and one article: no update is lost or applied twice', async () => {
  // 2,000 writes and as many reads: about a minute on an idle 2-core machine, several under a CPU hog.
  test.setTimeout(600_000);
  const baseURL = test.info().project.use.baseURL ?? '';
  const admin = await demoAdminApi();
  const editor = await createUser(admin, ['EDITOR']);
  const api = await apiAs(baseURL, (await tokenFor(editor.email, editor.password)).token);
  const article = (await (
    await api.post('/api/v1/articles', { data: { format: 'text', body: 'Turnout was 90% in the capital.' } })
  ).json()) as { id: string; version: number };
  const claim = (await (
    await api.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: { exact: 'Turnout was 90%' } } })
  ).json()) as { id: string; version: number };
  const articleVersion = ((await (await api.get(`/api/v1/articles/${article.id}`)).json()) as { version: number })
    .version;

  const [claimOutcomes, articleOutcomes] = await Promise.all([
    hammer(api, `/api/v1/claims/${claim.id}`, 'shortVerdict', claim.version),
    hammer(api, `/api/v1/articles/${article.id}`, 'title', articleVersion),
  ]);

  const finalClaim = (await (await api.get(`/api/v1/claims/${claim.id}`)).json()) as {
    version: number;
    shortVerdict: string;
  };
  const lastClaimWrite = expectSerializable(claimOutcomes, claim.version, finalClaim.version);
  expect(finalClaim.shortVerdict).toBe(lastClaimWrite?.value);

  const finalArticle = (await (await api.get(`/api/v1/articles/${article.id}`)).json()) as {
    version: number;
    title: string;
  };
  const lastArticleWrite = expectSerializable(articleOutcomes, articleVersion, finalArticle.version);
  expect(finalArticle.title).toBe(lastArticleWrite?.value);

  // The history holds one entry per accepted claim write.
  const history = (await (await api.get(`/api/v1/articles/${article.id}/history`)).json()) as {
    items: { action: string; entityId: string }[];
  };
  const claimUpdates = history.items.filter(
    (e) => e.entityId === claim.id && /^(claim|verdict)\.update/.test(e.action),
  );
  expect(claimUpdates.length).toBe(claimOutcomes.filter((o) => o.status === 200).length);
});

const CROWD = 80;
const CROWD_WRITES = 5;

test('80 concurrent writers through the API get only 2xx, 409 or 503 with Retry-After, never a 500', async () => {
  test.setTimeout(600_000);
  const baseURL = test.info().project.use.baseURL ?? '';
  // One sign-in (the demo editor's) rather than an admin's and a new user's: the writes are what is measured.
  const api = await apiAs(baseURL, (await tokenFor('editor@example.org', 'demo-editor-password')).token);
  const targets: { path: string; field: string }[] = [];
  for (let i = 0; i < 4; i++) {
    const article = (await (
      await api.post('/api/v1/articles', { data: { format: 'text', body: `Crowd ${i}: prices fell by 3% last year.` } })
    ).json()) as { id: string };
    const claim = (await (
      await api.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: { exact: 'prices fell by 3%' } } })
    ).json()) as { id: string };
    targets.push(
      { path: `/api/v1/articles/${article.id}`, field: 'title' },
      { path: `/api/v1/claims/${claim.id}`, field: 'shortVerdict' },
    );
  }

  const statuses: number[] = [];
  const unavailable: { retryAfter: string | undefined; type: string | undefined }[] = [];
  await Promise.all(
    Array.from({ length: CROWD }, async (_, w) => {
      const target = targets[w % targets.length] ?? { path: '', field: '' };
      for (let i = 0; i < CROWD_WRITES; i++) {
        const known = ((await (await api.get(target.path)).json()) as { version: number }).version;
        const response = await api.patch(target.path, {
          data: { baseVersion: known, [target.field]: `crowd ${w} write ${i}` },
          timeout: 120_000,
        });
        statuses.push(response.status());
        if (response.status() === 503)
          unavailable.push({ retryAfter: response.headers()['retry-after'], type: response.headers()['content-type'] });
      }
    }),
  );

  expect(statuses).toHaveLength(CROWD * CROWD_WRITES);
  expect(statuses.filter((s) => !(s >= 200 && s < 300) && s !== 409 && s !== 503)).toEqual([]);
  expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
  for (const answer of unavailable) {
    expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    expect(answer.type).toBe('application/problem+json');
  }
  test.info().annotations.push({
    type: 'statuses',
    description: JSON.stringify(
      Object.fromEntries(['200', '409', '503'].map((s) => [s, statuses.filter((x) => String(x) === s).length])),
    ),
  });
});
