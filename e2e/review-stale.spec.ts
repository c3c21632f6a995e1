import { expect, test } from '@playwright/test';
import { apiAs, createUser, demoAdminApi, newPage, signInByHttp, tokenFor, uniqueSuffix } from './support/accounts';
import {
  activeRatings,
  addSource,
  createTextArticle,
  getClaimDetail,
  markClaim,
  saveClaim,
  submitClaim,
} from './support/newsroom-api';

test('a reviewer approving a claim that changed since they opened it is told so, sees the change, and approves nothing', async ({
  browser,
  baseURL,
}) => {
  // Two sign-ins and a dozen API calls on a shared two-core machine: more than the default 30 s.
  test.setTimeout(120_000);
  const admin = await demoAdminApi();
  const editor = await createUser(admin, ['EDITOR']);
  const reviewer = await createUser(admin, ['REVIEWER']);
  const editorApi = await apiAs(baseURL ?? '', (await tokenFor(editor.email, editor.password)).token);
  const words = `tram fares fell ${uniqueSuffix()}`;
  const article = await createTextArticle(editorApi, `The council said ${words} this year.`);
  const claimId = await markClaim(editorApi, article.id, words);
  const [rating] = await activeRatings(editorApi);
  await saveClaim(editorApi, claimId, { rating: rating?.id, shortVerdict: 'Fares rose 3% (council budget).' });
  await addSource(editorApi, claimId, {
    url: 'https://council.example.org/budget',
    title: 'Council budget',
    publisher: 'The council',
    publishedAt: '2025-03-01',
    kind: 'official-data',
  });
  await submitClaim(editorApi, claimId);
  const opened = await getClaimDetail(editorApi, claimId);

  const rev = await newPage(browser);
  await signInByHttp(rev, reviewer.email, reviewer.password, `/review/${claimId}`);
  await expect(rev.getByRole('heading', { name: 'Review a claim' })).toBeVisible();
  await expect(rev.getByText(`version ${opened.version}`)).toBeVisible();
  await expect(rev.getByText('Fares rose 3% (council budget).')).toBeVisible();

  // Meanwhile the editor changes the verdict and sends it to review again.
  const changedVerdict = 'Fares rose 4% (council budget, revised).';
  await saveClaim(editorApi, claimId, { shortVerdict: changedVerdict });
  await submitClaim(editorApi, claimId);
  expect((await getClaimDetail(editorApi, claimId)).status).toBe('IN_REVIEW');

  await rev.getByRole('button', { name: 'Approve' }).click();
  await expect(
    rev
      .getByRole('alert')
      .filter({ hasText: /The claim changed since you opened it/i })
      .or(rev.locator('form').getByText(/The claim changed since you opened it/i))
      .first(),
  ).toBeVisible();
  await expect(rev.getByText(changedVerdict).first()).toBeVisible();

  const after = await getClaimDetail(editorApi, claimId);
  expect(after.status).toBe('IN_REVIEW');
  expect(after.lastReview).toBeNull();
  await rev.context().close();
});
