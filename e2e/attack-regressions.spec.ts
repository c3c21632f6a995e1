import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiAs, createUser, demoAdmin, newPage, signInByHttp, tokenFor, uniqueSuffix } from './support/accounts';
import {
  addSource,
  bodyOf,
  createTextArticle,
  getClaimDetail,
  markClaim,
  saveClaim,
  settlePublishingSettings,
  submitClaim,
} from './support/newsroom-api';

/*
 * Found by an attack review of issues #13 (what readers see is what a second person approved) and #14 (hostile input).
 * Each test states the promise as it should hold; each failed before its fix.
 */

interface Team {
  admin: APIRequestContext;
  editorApi: APIRequestContext;
  reviewerApi: APIRequestContext;
}

async function team(baseURL: string): Promise<Team> {
  const admin = await apiAs(baseURL, (await tokenFor(demoAdmin.email, demoAdmin.password)).token);
  await settlePublishingSettings(admin);
  const editor = await createUser(admin, ['EDITOR']);
  const reviewer = await createUser(admin, ['REVIEWER']);
  const editorApi = await apiAs(baseURL, (await tokenFor(editor.email, editor.password)).token);
  const reviewerApi = await apiAs(baseURL, (await tokenFor(reviewer.email, reviewer.password)).token);
  return { admin, editorApi, reviewerApi };
}

/** A claim rated `ratingId`, with a short verdict and a source, submitted for review. */
async function submittedClaim(editorApi: APIRequestContext, ratingId: string, shortVerdict: string) {
  const words = `bus fares doubled ${uniqueSuffix()}`;
  const article = await createTextArticle(
    editorApi,
    `The mayor said ${words} last year.\n\nMore text.`,
    `Attack ${uniqueSuffix()}`,
  );
  const claimId = await markClaim(editorApi, article.id, words);
  await saveClaim(editorApi, claimId, { rating: ratingId, shortVerdict });
  await addSource(editorApi, claimId, {
    url: 'https://council.example.org/fares',
    title: 'Fare table',
    publisher: 'The council',
    publishedAt: '2025-01-01',
    kind: 'official-data',
  });
  await submitClaim(editorApi, claimId);
  return { article, claimId, opened: await getClaimDetail(editorApi, claimId) };
}

test.describe('attack: issue #13', () => {
  test.setTimeout(180_000);

  test('a rating renamed and revalued after the reviewer opened the claim is not published as approved', async ({
    baseURL,
  }) => {
    const { admin, editorApi, reviewerApi } = await team(baseURL ?? '');
    // A rating of its own, so that no other spec sees it change.
    const created = await admin.post('/api/v1/ratings', {
      data: { label: `Mostly false ${uniqueSuffix()}`, colour: '#b91c1c', value: 2, description: 'Largely wrong.' },
    });
    const rating = await bodyOf<{ id: string; label: string }>(created);
    const { article, claimId, opened } = await submittedClaim(editorApi, rating.id, 'Fares rose by 5%, not 100%.');
    expect(opened.rating?.label).toBe(rating.label); // what the reviewer sees at this version

    // Between the reviewer's look and their Approve, an admin turns the rating into its opposite: the claim no
    // longer reads as the reviewer saw it, so its version moves on and the approval of what they saw is stale.
    const flipped = `True ${uniqueSuffix()}`;
    expect(
      (
        await admin.patch(`/api/v1/ratings/${rating.id}`, { data: { label: flipped, value: 99, colour: '#166534' } })
      ).status(),
    ).toBe(200);
    const now = await getClaimDetail(editorApi, claimId);
    expect(now.version).toBeGreaterThan(opened.version);
    const stale = await reviewerApi.post(`/api/v1/claims/${claimId}/reviews`, {
      data: { decision: 'approve', claimVersion: opened.version },
    });
    expect(stale.status()).toBe(409);
    expect(
      await reviewerApi
        .post(`/api/v1/claims/${claimId}/reviews`, { data: { decision: 'approve', claimVersion: now.version } })
        .then((r) => r.status()),
    ).toBe(201);

    // Renamed again after the approval: the page publishes the rating as approved, not as it reads now.
    expect(
      (await admin.patch(`/api/v1/ratings/${rating.id}`, { data: { label: `Renamed ${uniqueSuffix()}` } })).status(),
    ).toBe(200);
    expect((await editorApi.post(`/api/v1/articles/${article.id}/publications`, { data: {} })).status()).toBe(201);
    const page = await (await editorApi.get(`/a/${article.slug}`)).text();
    expect(page).toContain(flipped);
    expect(page).not.toContain(rating.label);
  });

  test('a retracted version no longer serves its verdicts as W3C annotations', async ({ baseURL }) => {
    const { admin, editorApi, reviewerApi } = await team(baseURL ?? '');
    const rating = await bodyOf<{ id: string }>(
      await admin.post('/api/v1/ratings', { data: { label: `False ${uniqueSuffix()}`, colour: '#b91c1c', value: 1 } }),
    );
    const verdict = `Fares rose by 5% ${uniqueSuffix()}.`;
    const { article, claimId, opened } = await submittedClaim(editorApi, rating.id, verdict);
    expect(
      (
        await reviewerApi.post(`/api/v1/claims/${claimId}/reviews`, {
          data: { decision: 'approve', claimVersion: opened.version },
        })
      ).status(),
    ).toBe(201);
    const publication = await bodyOf<{ id: string }>(
      await editorApi.post(`/api/v1/articles/${article.id}/publications`, { data: {} }),
    );
    const before = await editorApi.get(`/api/v1/publications/${publication.id}/annotations`);
    expect(await before.text()).toContain(verdict);

    expect(
      (
        await editorApi.post(`/api/v1/articles/${article.id}/retraction`, {
          data: { reason: 'The verdict was wrong; we withdraw it.' },
        })
      ).status(),
    ).toBe(201);
    // Whatever instance answers: the reader pages show the retraction within the 2 s the latest version is cached.
    await expect
      .poll(async () => (await (await editorApi.get(`/a/${article.slug}`)).text()).includes('The verdict was wrong'), {
        timeout: 15_000,
      })
      .toBe(true);
    const after = await editorApi.get(`/api/v1/publications/${publication.id}/annotations`);
    const body = await after.text();
    // Annotation clients overlay these verdicts on the original article: after a retraction they must stop (or say so).
    expect(
      after.status() === 200 && body.includes(verdict) && !/retract/i.test(body),
      `annotations after retraction: ${after.status()} ${after.headers()['cache-control']}`,
    ).toBe(false);
  });
});

test.describe('attack: issue #14', () => {
  test.setTimeout(180_000);

  test('an explanation sent as editor JSON is held to the 100,000-character limit of one sent as text', async ({
    baseURL,
  }) => {
    const { editorApi } = await team(baseURL ?? '');
    const words = `tram fares fell ${uniqueSuffix()}`;
    const article = await createTextArticle(editorApi, `The council said ${words} this year.`);
    const claimId = await markClaim(editorApi, article.id, words);
    const { version } = await getClaimDetail(editorApi, claimId);
    const paragraph = 'A sentence of the explanation, forty-eight chars. ';
    const text = paragraph.repeat(3000); // 150,000 characters
    const asText = await editorApi.patch(`/api/v1/claims/${claimId}`, {
      data: { baseVersion: version, explanation: text },
    });
    expect(asText.status()).toBe(400);
    const doc = {
      type: 'doc',
      content: Array.from({ length: 3000 }, () => ({
        type: 'paragraph',
        content: [{ type: 'text', text: paragraph }],
      })),
    };
    const asJson = await editorApi.patch(`/api/v1/claims/${claimId}`, {
      data: { baseVersion: version, explanation: doc },
    });
    expect(asJson.status(), 'the same 150,000 characters as editor JSON').toBeGreaterThanOrEqual(400);
    expect(asJson.status()).toBeLessThan(500);
  });

  test('a signed-in user is not sent off-site by a callbackUrl with dot segments', async ({ browser, baseURL }) => {
    const admin = await apiAs(baseURL ?? '', (await tokenFor(demoAdmin.email, demoAdmin.password)).token);
    const editor = await createUser(admin, ['EDITOR']);
    const page = await newPage(browser);
    await signInByHttp(page, editor.email, editor.password);
    for (const attack of ['/.//evil.example', '/a/..//evil.example/x']) {
      const response = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent(attack)}`, {
        maxRedirects: 0,
      });
      const location = response.headers().location ?? '';
      expect(new URL(location, baseURL).origin, `Location: ${location}`).toBe(new URL(baseURL ?? '').origin);
    }
    await page.context().close();
  });

  test('a cross-origin server-action POST under /api is refused with 4xx, not 500', async ({ playwright, baseURL }) => {
    const client = await playwright.request.newContext({ baseURL });
    const response = await client.post('/api/nope', {
      headers: {
        'Next-Action': `00${'a'.repeat(40)}`,
        Origin: 'http://evil.example',
        'Content-Type': 'text/plain;charset=UTF-8',
      },
      data: '[]',
    });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(response.status()).toBeLessThan(500);
    await client.dispose();
  });
});
