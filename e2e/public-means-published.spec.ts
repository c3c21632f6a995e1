import { expect, test, type Page } from '@playwright/test';
import { createUser, newPage, newsroom, uniqueSuffix, type Newsroom } from './support/accounts';
import {
  type ClaimDetail,
  type ClaimReviewEntry,
  type Settings,
  ok,
  patchClaim,
  submitAndApprove,
  publish,
  claimReviewFeed,
  fetchAll,
  publishedArticle,
} from './support/public-records';

// Public means published: every public page, feed and export shows what a publication froze, never what an
// editor is typing. Each new value carries the marker `mk{suffix}` so one search finds any leak.

// One newsroom per worker: signing in through the browser is the slowest step on a busy machine.
let shared: Promise<Newsroom> | undefined;
const newsroomOnce = () => (shared ??= newsroom());

test('no edit of a published article, its claim or the organisation reaches any public URL until a new version is published', async ({
  request,
}) => {
  test.setTimeout(240_000);
  const room = await newsroomOnce();
  const m = `mk${uniqueSuffix()}`;
  const old = `old${uniqueSuffix()}`;
  const { article, claim, ratings } = await publishedArticle(
    room,
    `Harbour ${old} title`,
    `The port handled 40,000 ships last year, the harbour master said. ${old} body text.`,
    'The port handled 40,000 ships last year',
  );
  const first = ratings[0];
  const other = ratings.find((r) => r.label !== first?.label);
  if (!first || !other) throw new Error('The scale needs two ratings.');
  await patchClaim(room.editorApi, claim.id, {
    statedClaim: `Stated ${old}`,
    claimReviewed: `Short ${old}`,
    claimant: `Claimant ${old}`,
    claimantRole: `Role ${old}`,
    claimDate: '2025-03-04',
    appearanceUrl: `https://example.org/${old}/said`,
    rating: first.id,
    shortVerdict: `Verdict ${old}`,
    explanation: `Explanation ${old}`,
  });
  const source = (s: string) => ({
    url: `https://example.org/${old}/${s}`,
    title: `Source ${s} ${old}`,
    publisher: `Publisher ${s} ${old}`,
    publishedAt: '2025-01-02',
    kind: 'news',
    excerpt: `Excerpt ${s} ${old}`,
  });
  await ok(room.editorApi.post(`/api/v1/claims/${claim.id}/sources`, { data: source('a') }), 201);
  const withSources = await ok<ClaimDetail>(
    room.editorApi.post(`/api/v1/claims/${claim.id}/sources`, { data: source('b') }),
    201,
  );
  const [sourceA, sourceB] = withSources.sources;
  if (!sourceA || !sourceB) throw new Error('Two sources expected.');
  await submitAndApprove(room, claim.id);
  const v1 = await publish(room.editorApi, article.id);
  // A second version, so that the comparison page is one of the public URLs watched.
  const v2 = await publish(room.editorApi, article.id, `Nothing changed ${old}.`);
  const slug = article.slug;
  const feedEntry = async () =>
    (await claimReviewFeed(request)).find((e) => e.url.endsWith(`/a/${slug}#claim-${claim.id}`));
  expect((await feedEntry())?.reviewRating.alternateName).toBe(first.label);

  const watched = [
    '/',
    '/a',
    '/a/feed.xml',
    `/a/${slug}`,
    `/a/${slug}/v/1`,
    `/a/${slug}/v/2`,
    `/a/${slug}/versions`,
    `/a/${slug}/diff?from=1&to=2`,
    `/a/${slug}/claims/${claim.id}`,
    `/a/${slug}/embed`,
    'claimreview',
    `/api/v1/publications/${v1.id}/annotations`,
    `/api/v1/publications/${v2.id}/annotations`,
    `/api/v1/articles/${article.id}/publications`,
  ];
  const before = await fetchAll(request, watched);
  for (const path of ['/', '/a', '/a/feed.xml', `/a/${slug}`, `/a/${slug}/versions`, `/a/${slug}/embed`])
    expect(before.get(path), path).toContain(`Harbour ${old} title`);

  const admin = room.admin;
  const settingsBefore = await ok<Settings>(admin.get('/api/v1/settings'));
  // Settings are shared by every spec (and fingerprinted by the fuzzer): changed only for moments, and only these
  // fields (the corrections policy link is e2e/accounts.spec.ts's to change; it shows like the methodology link).
  const restoreSettings = async () => {
    const { name, url, logoUrl, methodologyUrl } = settingsBefore;
    await ok(admin.patch('/api/v1/settings', { data: { name, url, logoUrl, methodologyUrl } }));
  };
  const markerSettings = {
    name: `Org ${m}`,
    url: `https://org.example/${m}/home`,
    logoUrl: `https://org.example/${m}/logo.png`,
    methodologyUrl: `https://org.example/${m}/methods`,
  };
  try {
    // The article: title, text, assignment; and the name of the fact-checker the page credits.
    const current = await ok<{ version: number; content: { type: string; content: unknown[] } }>(
      room.editorApi.get(`/api/v1/articles/${article.id}`),
    );
    await ok(
      room.editorApi.patch(`/api/v1/articles/${article.id}`, {
        data: {
          baseVersion: current.version,
          title: `Title ${m}`,
          content: {
            ...current.content,
            content: [
              ...current.content.content,
              { type: 'paragraph', content: [{ type: 'text', text: `Body ${m} added.` }] },
            ],
          },
        },
      }),
    );
    const assignee = await createUser(admin, ['EDITOR'], `assigned${m}`);
    await ok(
      room.editorApi.put(`/api/v1/articles/${article.id}/assignment`, {
        data: { factCheckerId: assignee.id, reviewerId: room.reviewer.id, dueDate: '2031-01-01' },
      }),
    );
    await ok(admin.patch(`/api/v1/users/${room.editor.id}`, { data: { name: `Editor ${m}` } }));

    // The claim: every field of the verdict, every field of a source, a source added and one removed.
    await patchClaim(room.editorApi, claim.id, {
      statedClaim: `Stated ${m}`,
      claimReviewed: `Short ${m}`,
      claimant: `Claimant ${m}`,
      claimantRole: `Role ${m}`,
      claimDate: '2019-07-13',
      appearanceUrl: `https://example.org/${m}/said`,
      rating: other.id,
      shortVerdict: `Verdict ${m}`,
      explanation: `Explanation ${m}`,
    });
    await ok(
      room.editorApi.patch(`/api/v1/claims/${claim.id}/sources/${sourceA.id}`, {
        data: {
          title: `Source ${m}`,
          publisher: `Publisher ${m}`,
          publishedAt: '2018-05-09',
          kind: 'official-data',
          excerpt: `Excerpt ${m}`,
          archivedUrl: `https://archive.example.org/${m}`,
          position: 1,
        },
      }),
    );
    await ok(
      room.editorApi.post(`/api/v1/claims/${claim.id}/sources`, {
        data: { url: `https://example.org/${m}/added`, title: `Added ${m}`, kind: 'expert' },
      }),
      201,
    );
    await ok(room.editorApi.delete(`/api/v1/claims/${claim.id}/sources/${sourceB.id}`), 204);
    // Last, so that other tests' publications are least likely to pick up the marked name meanwhile.
    await ok(admin.patch('/api/v1/settings', { data: markerSettings }));

    const during = await fetchAll(request, ['/a', '/a/feed.xml', ...watched]);
    await restoreSettings();
    const newValues = [m, '2019-07-13', '13 July 2019', '2018-05-09', '9 May 2018'];
    // The feed lists every newsroom's fact-check: one that another spec publishes in these moments rightly carries
    // the marked organisation. This article's entries are the ones that must not have changed.
    const ownEntries = (JSON.parse(during.get('claimreview') ?? '[]') as ClaimReviewEntry[]).filter((e) =>
      e.url.includes(`/a/${slug}#`),
    );
    expect(ownEntries.length).toBeGreaterThan(0);
    during.set('claimreview', JSON.stringify(ownEntries));
    for (const [path, body] of during) {
      for (const value of newValues)
        expect(body.includes(value), `${value} on ${path} before it was published`).toBe(false);
    }
    // What was published is still there, and the reader pages have not changed at all.
    for (const path of [
      `/a/${slug}`,
      `/a/${slug}/v/1`,
      `/a/${slug}/v/2`,
      `/a/${slug}/claims/${claim.id}`,
      `/a/${slug}/embed`,
      `/a/${slug}/versions`,
      `/a/${slug}/diff?from=1&to=2`,
    ]) {
      expect(during.get(path), path).toBe(before.get(path));
    }
    expect(during.get(`/a/${slug}`)).toContain(`Source b ${old}`);
    expect((await feedEntry())?.reviewRating.alternateName).toBe(first.label);

    // A correction, after the review the edits require: now every new value that readers see goes out.
    await submitAndApprove(room, claim.id);
    await ok(admin.patch('/api/v1/settings', { data: markerSettings }));
    const v3 = await publish(room.editorApi, article.id, `Corrected ${m}.`);
    await restoreSettings();
    expect(v3.number).toBe(3);
    const reader = `/a/${slug}`;
    const share = `/a/${slug}/claims/${claim.id}`;
    const embed = `/a/${slug}/embed`;
    const versions = `/a/${slug}/versions`;
    const diff = `/a/${slug}/diff?from=2&to=3`;
    const annotations = `/api/v1/publications/${v3.id}/annotations`;
    const expected: [string, string[]][] = [
      [`Title ${m}`, ['/', '/a', '/a/feed.xml', reader, versions, share, embed, annotations, diff]],
      [`Body ${m} added.`, [reader]],
      // The word diff may keep the final full stop as unchanged text after the inserted words.
      [`Body ${m} added`, [diff]],
      [`Short ${m}`, [share, embed, 'claimreview']],
      [`Claimant ${m}`, [reader, share, 'claimreview']],
      [`Role ${m}`, [reader, share, 'claimreview']],
      ['2019-07-13', ['claimreview']],
      ['13 July 2019', [reader, share]],
      [`https://example.org/${m}/said`, [reader, 'claimreview']],
      [`Verdict ${m}`, [reader, share, embed, annotations, diff]],
      [`Explanation ${m}`, [reader, share]],
      [`Source ${m}`, [reader, share]],
      [`Publisher ${m}`, [reader, share]],
      [`Excerpt ${m}`, [reader]],
      [`https://archive.example.org/${m}`, [reader]],
      ['9 May 2018', [reader]],
      [`https://example.org/${m}/added`, [reader, annotations]],
      [`Added ${m}`, [reader, share]],
      // Not checked on /a and the feed: they carry the newest publication's name, perhaps another spec's by now.
      [`Org ${m}`, [reader, versions, share, embed, 'claimreview', annotations]],
      [markerSettings.url, ['claimreview']],
      [markerSettings.logoUrl, [share]],
      [markerSettings.methodologyUrl, [reader]],
      [`Editor ${m}`, [reader, share]],
      [`Corrected ${m}.`, [reader, versions, diff]],
    ];
    const paths = [...new Set(expected.flatMap(([, where]) => where))];
    await expect
      .poll(
        async () => {
          const after = await fetchAll(request, paths);
          return expected.flatMap(([value, where]) =>
            where.filter((path) => !after.get(path)?.includes(value)).map((path) => `${value} missing on ${path}`),
          );
        },
        { timeout: 30_000 },
      )
      .toEqual([]);
    const after = await fetchAll(request, [reader]);
    expect(after.get(reader)).not.toContain(`Source b ${old}`);
    const entry = await feedEntry();
    expect(entry).toMatchObject({
      claimReviewed: `Short ${m}`,
      reviewRating: { alternateName: other.label },
      itemReviewed: {
        author: { name: `Claimant ${m}`, jobTitle: `Role ${m}` },
        datePublished: '2019-07-13',
        appearance: { url: `https://example.org/${m}/said` },
      },
    });
    // Nothing of the assignment and nothing the reader pages do not show (the stated claim, a source's kind) appeared.
    const everything = await fetchAll(request, watched);
    for (const [path, body] of everything) expect(body.includes(assignee.name), path).toBe(false);
  } finally {
    await restoreSettings();
  }
});

async function parsesAsXml(page: Page, xml: string): Promise<{ error: string | null; titles: string[] }> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.querySelector('parsererror');
    return {
      error: error ? (error.textContent ?? 'parsererror') : null,
      titles: [...doc.querySelectorAll('entry > title')].map((t) => t.textContent ?? ''),
    };
  }, xml);
}

test('the Atom feed stays well-formed XML when a published title holds control characters', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const room = await newsroomOnce();
  const suffix = uniqueSuffix();
  const { article, claim, ratings } = await publishedArticle(
    room,
    `Feed\u0001 check\u000B ${suffix}\u001F end\uFFFF`,
    'The river rose two metres overnight, the mayor said.',
    'The river rose two metres overnight',
  );
  await patchClaim(room.editorApi, claim.id, { rating: ratings[0]?.id, shortVerdict: 'Gauges show 40 cm.' });
  await ok(
    room.editorApi.post(`/api/v1/claims/${claim.id}/sources`, {
      data: { url: `https://example.org/${suffix}/gauge`, title: 'Gauge data', kind: 'official-data' },
    }),
    201,
  );
  await submitAndApprove(room, claim.id);
  await publish(room.editorApi, article.id);

  const feed = await request.get('/a/feed.xml');
  expect(feed.status()).toBe(200);
  const page = await newPage(browser);
  const { error, titles } = await parsesAsXml(page, await feed.text());
  expect(error).toBeNull();
  expect(titles).toContain(`Feed check ${suffix} end`);
  // The same parser refuses the raw characters, so the check above can fail.
  expect((await parsesAsXml(page, '<feed><entry><title>a\u0001b</title></entry></feed>')).error).not.toBeNull();
});
