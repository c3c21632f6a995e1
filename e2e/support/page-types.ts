import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiAs, createUser, demoAdminApi, newsroom, tokenFor, uniqueSuffix, type TestUser } from './accounts';
import { approvedClaim, createTextArticle, settlePublishingSettings } from './newsroom-api';

export const demoSlug = 'witkoff-putin-security-guarantees-ukraine';

export interface PageType {
  name: string;
  path: string;
  /** Who sees it: nobody signed in, the all-roles staff user, or a reviewer (who reads articles but edits none). */
  as: 'reader' | 'staff' | 'reviewer';
  /** Script-free public pages (policy by hash, no nonce). */
  scriptFree?: boolean;
  /** The HTTP status it answers with: 200 unless told (the pages for an address that leads nowhere say 404). */
  status?: number;
}

/** A fact-check published in two versions (its diff page) and one retracted (its notice), by a fresh newsroom. */
async function correctedAndRetracted(): Promise<{ corrected: string; retracted: string }> {
  const room = await newsroom();
  await settlePublishingSettings(room.admin);
  const published = async (words: string) => {
    const article = await createTextArticle(
      room.editorApi,
      `The minister said ${words} this year.`,
      `Page types ${uniqueSuffix()}`,
    );
    await approvedClaim(room, article.id, words, {
      shortVerdict: 'No: the records say otherwise.',
      source: { url: 'https://stats.example.org/records', title: 'Records', kind: 'official-data' },
    });
    const publication = await room.editorApi.post(`/api/v1/articles/${article.id}/publications`, { data: {} });
    expect(publication.status(), await publication.text()).toBe(201);
    return article;
  };
  const corrected = await published('exports doubled');
  const current = (await (await room.editorApi.get(`/api/v1/articles/${corrected.id}`)).json()) as {
    version: number;
    content: object;
  };
  const content = JSON.parse(JSON.stringify(current.content).replace('this year', 'in the first half')) as object;
  const saved = await room.editorApi.patch(`/api/v1/articles/${corrected.id}`, {
    data: { baseVersion: current.version, content },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const correction = await room.editorApi.post(`/api/v1/articles/${corrected.id}/publications`, {
    data: { correctionNote: 'The period was the first half of the year.' },
  });
  expect(correction.status(), await correction.text()).toBe(201);
  const retracted = await published('imports halved');
  const retraction = await room.editorApi.post(`/api/v1/articles/${retracted.id}/retraction`, {
    data: { reason: 'The figures were from another country.' },
  });
  expect(retraction.status(), await retraction.text()).toBe(201);
  return { corrected: corrected.slug, retracted: retracted.slug };
}

/** One page of every kind the product serves, with ids found through the API. */
export async function pageTypes(staffApi: APIRequestContext, adminApi: APIRequestContext): Promise<PageType[]> {
  const articles = (await (await staffApi.get('/api/v1/articles?limit=100')).json()) as {
    items: { id: string; slug: string }[];
  };
  // Newest first: the demo is the oldest, so page until it is found.
  let demo = articles.items.find((a) => a.slug === demoSlug);
  let cursor = (articles as { nextCursor?: string | null }).nextCursor;
  while (!demo && cursor) {
    const next = (await (await staffApi.get(`/api/v1/articles?limit=100&cursor=${cursor}`)).json()) as {
      items: { id: string; slug: string }[];
      nextCursor: string | null;
    };
    demo = next.items.find((a) => a.slug === demoSlug);
    cursor = next.nextCursor;
  }
  expect(demo, 'the demo article').toBeDefined();
  const id = demo?.id ?? '';
  const claims = (await (await staffApi.get(`/api/v1/articles/${id}/claims`)).json()) as {
    items: { id: string; status: string }[];
  };
  const inReview = claims.items.find((c) => c.status === 'IN_REVIEW')?.id ?? '';
  const approved = claims.items.find((c) => c.status === 'APPROVED')?.id ?? '';
  // A working invitation link: the page a new colleague opens first.
  const invited = await adminApi.post('/api/v1/users', {
    data: {
      email: `invited-${Date.now()}-${Math.random().toString(36).slice(2)}@e2e.example.org`,
      name: 'Invited',
      roles: ['REVIEWER'],
    },
  });
  expect(invited.status(), await invited.text()).toBe(201);
  const { invitationUrl } = (await invited.json()) as { invitationUrl: string };
  const { corrected, retracted } = await correctedAndRetracted();
  return [
    { name: 'front page', path: '/', as: 'reader' },
    { name: 'sign-in', path: '/sign-in', as: 'reader' },
    { name: 'rating scale', path: '/ratings', as: 'reader' },
    { name: 'API document', path: '/docs/api', as: 'reader' },
    { name: 'set password', path: invitationUrl, as: 'reader' },
    { name: 'set password, link used up', path: '/set-password?token=no-such-link', as: 'reader' },
    { name: 'dashboard', path: '/dashboard', as: 'staff' },
    { name: 'new article', path: '/articles/new', as: 'staff' },
    { name: 'editor', path: `/articles/${id}`, as: 'staff' },
    { name: 'editor, a claim open', path: `/articles/${id}?claim=${approved}`, as: 'staff' },
    { name: 'article history', path: `/articles/${id}/history`, as: 'staff' },
    { name: 'publish screen', path: `/articles/${id}/publish`, as: 'staff' },
    { name: 'publish preview', path: `/articles/${id}/preview`, as: 'staff', scriptFree: true },
    { name: 'review queue', path: '/review', as: 'staff' },
    { name: 'review screen', path: `/review/${inReview}`, as: 'staff' },
    { name: 'inbox', path: '/inbox', as: 'staff' },
    { name: 'account', path: '/account', as: 'staff' },
    { name: 'admin: users', path: '/admin/users', as: 'staff' },
    { name: 'admin: settings', path: '/admin/settings', as: 'staff' },
    { name: 'admin: ratings', path: '/admin/ratings', as: 'staff' },
    { name: 'admin: audit log', path: '/admin/audit', as: 'staff' },
    { name: 'admin: ClaimReview feeds', path: '/admin/feeds', as: 'staff' },
    { name: 'search', path: '/search?q=security', as: 'staff' },
    { name: 'no access', path: '/forbidden', as: 'staff' },
    { name: 'sign out', path: '/sign-out', as: 'staff' },
    { name: 'no such page', path: `/no-such-page-${uniqueSuffix()}`, as: 'staff', status: 404 },
    { name: "article, a reviewer's view", path: `/articles/${id}?claim=${inReview}`, as: 'reviewer' },
    { name: 'reader list', path: '/a', as: 'reader', scriptFree: true },
    { name: 'reader search', path: '/a?q=security', as: 'reader', scriptFree: true },
    { name: 'reader', path: `/a/${demoSlug}`, as: 'reader', scriptFree: true },
    { name: 'reader version', path: `/a/${demoSlug}/v/1`, as: 'reader', scriptFree: true },
    { name: 'versions', path: `/a/${demoSlug}/versions`, as: 'reader', scriptFree: true },
    { name: 'share page', path: `/a/${demoSlug}/claims/${approved}`, as: 'reader', scriptFree: true },
    { name: 'embed', path: `/a/${demoSlug}/embed`, as: 'reader', scriptFree: true },
    { name: 'differences between versions', path: `/a/${corrected}/diff?from=1&to=2`, as: 'reader', scriptFree: true },
    { name: 'retracted fact-check', path: `/a/${retracted}`, as: 'reader', scriptFree: true },
    { name: 'no such fact-check', path: `/a/no-such-${uniqueSuffix()}`, as: 'reader', scriptFree: true, status: 404 },
  ];
}

/** A user with every role and a reviewer, and the page types seen through their eyes. */
export async function staffAndPageTypes(): Promise<{ staff: TestUser; reviewer: TestUser; pages: PageType[] }> {
  const baseURL = test.info().project.use.baseURL ?? '';
  const admin = await demoAdminApi();
  const [staff, reviewer] = await Promise.all([
    createUser(admin, ['ADMIN', 'EDITOR', 'REVIEWER']),
    createUser(admin, ['REVIEWER']),
  ]);
  const staffApi = await apiAs(baseURL, (await tokenFor(staff.email, staff.password)).token);
  return { staff, reviewer, pages: await pageTypes(staffApi, admin) };
}
