import { expect, test } from '@playwright/test';
import {
  appBaseURL,
  createUser,
  newPage,
  newsroom,
  signInByHttp,
  type Newsroom,
  type TestUser,
} from './support/accounts';
import { editorText, openLive, stored, typeOver } from './support/collab';
import { startSecondInstance, type SecondInstance } from './support/second-instance';

// Live collaboration is on unless FACTMARK_COLLAB=0 (lib/env.ts); off, the editor saves through the API.
test.skip(process.env.FACTMARK_COLLAB === '0', 'live collaboration is off (FACTMARK_COLLAB=0)');

let team: Newsroom;
let second: TestUser;
test.beforeAll(async () => {
  team = await newsroom();
  second = await createUser(team.admin, ['EDITOR']);
});

test.describe('two instances', () => {
  // One second instance for these tests, in order: the last one stops it.
  test.describe.configure({ mode: 'serial' });
  let instance: SecondInstance | null = null;
  let secondURL = '';
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    instance = await startSecondInstance({ FACTMARK_COLLAB: '1' });
    secondURL = instance.url;
  });
  test.afterAll(async () => {
    await instance?.stop();
  });

  // Each instance saves what its editors typed; a save is made under the article's lock from what is stored then
  // (the other instance's last save among it), so the last one to save does not drop the other's last characters.
  test('two app instances on one database: editors on each see each other type, and the article is saved with both', async ({
    browser,
  }) => {
    const article = (await (
      await team.editorApi.post('/api/v1/articles', {
        data: { format: 'text', body: 'Eta paragraph on the first.\n\nTheta paragraph on the second.' },
      })
    ).json()) as { id: string };
    const [ann, bob] = await Promise.all([newPage(browser), newPage(browser)]);
    await openLive(ann, team.editor, article.id);
    // Sessions are cookies signed with the shared secret: signed in on the first, Bob's browser opens the second.
    await signInByHttp(bob, second.email, second.password);
    expect(secondURL).not.toBe(appBaseURL());
    await bob.goto(`${secondURL}/articles/${article.id}`);
    for (const page of [ann, bob])
      await expect(page.getByRole('list', { name: 'People in this article' }).getByRole('listitem')).toHaveCount(2);
    await expect(bob.locator('.editor-content[contenteditable="true"]')).toBeVisible();

    await Promise.all([
      typeOver(ann, 'first', 'first instance, typed fast'),
      typeOver(bob, 'second', 'second instance, typed fast too'),
    ]);
    const merged =
      'Eta paragraph on the first instance, typed fast.\nTheta paragraph on the second instance, typed fast too.';
    for (const page of [ann, bob]) await expect.poll(() => editorText(page), { timeout: 10_000 }).toBe(merged);
    await expect
      .poll(async () => (await stored(team.editorApi, article.id)).plainText, { timeout: 15_000 })
      .toBe(merged);
  });

  test('an instance that is stopped (SIGTERM) saves the text typed on it before it exits', async ({ browser }) => {
    const article = (await (
      await team.editorApi.post('/api/v1/articles', {
        data: { format: 'text', body: 'Iota paragraph before the stop.' },
      })
    ).json()) as { id: string };
    const bob = await newPage(browser);
    await signInByHttp(bob, second.email, second.password);
    await bob.goto(`${secondURL}/articles/${article.id}`);
    await expect(bob.locator('.editor-content[contenteditable="true"]')).toBeVisible();
    // Typed at the end of the text (typing over a selection is the full-speed proof's); what is proved is the save.
    await bob.locator('.editor-content').click();
    await bob.keyboard.press('Control+End');
    await bob.keyboard.type(' Typed just before.');
    await expect.poll(() => editorText(bob)).toBe('Iota paragraph before the stop. Typed just before.');
    // The server holds the keystrokes (it acknowledged them); what is tested is that the shutdown saves them.
    await expect(bob.locator('.save-status[data-unsynced="0"]')).toBeVisible();
    // Stopped at once, within the save's debounce: only the shutdown saves it (nobody has it open on the first instance).
    if (!instance) throw new Error('the second instance is not running');
    await instance.stop();
    // What the API then reads: the end state, read until it is there (the first instance answers on its own timing).
    await expect
      .poll(async () => (await stored(team.editorApi, article.id)).plainText, { timeout: 15_000 })
      .toBe('Iota paragraph before the stop. Typed just before.');
  });
});
