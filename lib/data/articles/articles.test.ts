// Articles: reading, listing, creating, saving, assigning, their history, and the dashboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { documentFromText } from '@/lib/editor/schema';
import {
  claimInReview,
  markClaim,
  newActor,
  newArticle,
  unique,
  whileAnotherWrites,
} from '@/scripts/testing/newsroom-fixtures';
import { refusal } from '@/scripts/testing/refusal';
import { findArticlesPage } from './find-articles-page';
import { getArticleView } from './get-article-view';
import { listArticles } from './list-articles';
import { listArticleSummaries } from './list-article-summaries';
import { getAssignment } from './get-assignment';
import { listStaff } from '@/lib/data/users/list-staff';
import { setAssignment } from './assign-article';
import { articleHistory } from '@/lib/data/audit/get-article-history';
import { createArticle } from './create-article';
import { getDashboard } from './get-dashboard';
import { getArticle } from './get-article';
import { saveArticle } from './save-article';
import { parseContent } from './article-content';

const listQuery = { sort: 'updated', page: 1 } as const;

describe('articles', () => {
  let editor: Actor;
  let reviewer: Actor;
  let nobody: Actor;
  beforeAll(async () => {
    [editor, reviewer, nobody] = await Promise.all([newActor(['EDITOR']), newActor(['REVIEWER']), newActor([])]);
  });
  afterAll(() => db().$disconnect());

  it('lists and shows articles to staff, with live claims only, and refuses people without a role or a session', async () => {
    const article = await newArticle('The mayor said crime fell.\nThe budget doubled.');
    const kept = await markClaim(editor, article.id, 'crime fell');
    const gone = await markClaim(editor, article.id, 'budget doubled');
    await db().claim.update({ where: { id: gone.id }, data: { detachedAt: new Date() } });

    const listed = (await listArticles(reviewer)).find((a) => a.id === article.id);
    expect(listed).toMatchObject({ title: article.title, slug: article.slug, claimCount: 1, isSample: false });
    const view = await getArticleView(reviewer, article.id);
    expect(view?.claims).toEqual([
      expect.objectContaining({
        id: kept.id,
        exact: 'crime fell',
        state: 'NO_VERDICT',
        rating: null,
        shortVerdict: null,
      }),
    ]);
    expect(await getArticleView(reviewer, 'no-such-article')).toBeNull();
    const summaries = await listArticleSummaries(reviewer, { limit: 100 });
    expect(summaries.items.find((a) => a.id === article.id)).toMatchObject({
      status: 'DRAFT',
      version: 3,
      claimCount: 1,
    });

    for (const read of [
      listArticles,
      (a: Actor | null) => getArticleView(a, article.id),
      (a: Actor | null) => listArticleSummaries(a, { limit: 10 }),
    ]) {
      expect((await refusal(read(nobody))).code).toBe('FORBIDDEN');
      expect((await refusal(read(null))).code).toBe('UNAUTHENTICATED');
    }
  });

  it('leaves deleted articles out of every list and read', async () => {
    const article = await newArticle();
    await db().article.update({ where: { id: article.id }, data: { deletedAt: new Date() } });
    expect((await listArticles(editor)).some((a) => a.id === article.id)).toBe(false);
    expect(await getArticleView(editor, article.id)).toBeNull();
    expect((await refusal(getArticle(editor, article.id))).code).toBe('NOT_FOUND');
    expect((await findArticlesPage(editor, { ...listQuery, q: article.title })).total).toBe(0);
  });

  it('pages the newsroom list by title search, state, assignee and due date, and sorts it', async () => {
    const tag = unique();
    const overdue = await newArticle('One.', {
      title: `B ${tag} overdue`,
      factCheckerId: editor.id,
      dueDate: new Date('2020-01-01'),
    });
    const mine = await newArticle('Two.', { title: `A ${tag} mine`, reviewerId: editor.id });
    const unassigned = await newArticle('Three.', { title: `C ${tag} nobody` });
    await db().article.update({ where: { id: unassigned.id }, data: { status: 'PUBLISHED' } });
    const titles = async (query: Partial<Parameters<typeof findArticlesPage>[1]>) =>
      (await findArticlesPage(reviewer, { ...listQuery, q: tag.toUpperCase(), ...query })).items.map((i) => i.title);

    expect(await titles({ sort: 'title' })).toEqual([mine.title, overdue.title, unassigned.title]);
    expect(await titles({ sort: 'title', dir: 'desc' })).toEqual([unassigned.title, overdue.title, mine.title]);
    expect(await titles({ state: 'PUBLISHED' })).toEqual([unassigned.title]);
    expect(await titles({ assignee: editor.id, sort: 'title' })).toEqual([mine.title, overdue.title]);
    expect(await titles({ assignee: 'none' })).toEqual([unassigned.title]);
    expect(await titles({ due: 'overdue' })).toEqual([overdue.title]);
    const page = await findArticlesPage(reviewer, { ...listQuery, q: tag, page: 99 });
    expect(page).toMatchObject({ total: 3, page: 1, pageCount: 1 });
    expect(page.items.find((i) => i.id === overdue.id)).toMatchObject({
      factChecker: editor.name,
      reviewer: null,
      dueDate: '2020-01-01T00:00:00.000Z',
      claimCount: 0,
    });
    expect((await refusal(findArticlesPage(nobody, listQuery))).code).toBe('FORBIDDEN');
  });

  it('creates an article from text with its creator as fact-checker and an audit entry; an empty text or a reviewer stores nothing', async () => {
    const title = `Port jobs ${unique()}`;
    const created = await createArticle(editor, { format: 'text', body: 'The port created 5,000 jobs.', title });
    expect(created).toMatchObject({
      title,
      version: 1,
      status: 'DRAFT',
      plainText: 'The port created 5,000 jobs.',
      claims: [],
      omitted: [],
    });
    const row = await db().article.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ createdById: editor.id, factCheckerId: editor.id, slug: created.slug });
    expect(
      await db().auditLog.count({ where: { entityId: created.id, action: 'article.create', actorId: editor.id } }),
    ).toBe(1);

    const before = await db().article.count();
    expect((await refusal(createArticle(reviewer, { format: 'text', body: 'Not mine to add.' }))).code).toBe(
      'FORBIDDEN',
    );
    const empty = await refusal(createArticle(editor, { format: 'text', body: '  \n  ' }));
    expect(empty.code).toBe('UNPROCESSABLE');
    expect(empty.errors).toEqual([{ path: 'body', message: 'The article is empty.' }]);
    expect(await db().article.count()).toBe(before);
  });

  it('creates an article from an uploaded file titled by its name; refuses a reviewer, an unknown format and a private address, storing nothing', async () => {
    const name = `port-report-${unique()}`;
    const created = await createArticle(editor, {
      file: { name: `${name}.txt`, bytes: Buffer.from('The port created 5,000 jobs.\n\nMost are in logistics.') },
    });
    expect(created).toMatchObject({
      title: name.replace(/-/g, ' '),
      plainText: 'The port created 5,000 jobs.\nMost are in logistics.',
    });
    expect((await getArticle(editor, created.id)).content).toEqual(created.content);

    const before = await db().article.count();
    expect(
      (await refusal(createArticle(reviewer, { file: { name: 'notes.txt', bytes: Buffer.from('Not read.') } }))).code,
    ).toBe('FORBIDDEN');
    const format = await refusal(
      createArticle(editor, { file: { name: 'notes.pdf', bytes: Buffer.from('%PDF-1.7') } }),
    );
    expect([format.code, format.errors[0]?.path]).toEqual(['UNPROCESSABLE', 'file']);
    const loopback = await refusal(createArticle(editor, { url: 'http://127.0.0.1:9/article' }));
    expect([loopback.code, loopback.errors[0]?.path]).toEqual(['UNPROCESSABLE', 'url']);
    expect(await db().article.count()).toBe(before);
  });

  it('gives slugs that never collide for articles with one title', async () => {
    const title = `Same title ${unique()}`;
    const first = await createArticle(editor, { format: 'text', body: 'First.', title });
    const second = await createArticle(editor, { format: 'text', body: 'Second.', title });
    expect(first.slug).not.toBe(second.slug);
    expect(second.slug.startsWith(first.slug)).toBe(true);
  });

  it('gives its own slug to an article created while another with the same title is being created', async () => {
    const title = `Same moment ${unique()}`;
    const slug = title.toLowerCase().replace(/ /g, '-');
    const result = await whileAnotherWrites(
      (tx) => tx.article.create({ data: { title, slug, content: {}, plainText: 'Other.' } }),
      () => createArticle(editor, { format: 'text', body: 'Mine.', title }),
    );
    expect(result).toMatchObject({
      status: 'fulfilled',
      value: { title, slug: expect.stringMatching(new RegExp(`^${slug}-`)) },
    });
  });

  it('saves a new title and text at the stored version, keeping claims on their words, and records who did it', async () => {
    const article = await newArticle('Prices rose by 3%.');
    const claim = await markClaim(editor, article.id, 'Prices rose');
    const current = await getArticle(reviewer, article.id);
    const text = 'Yesterday prices rose by 3%.';
    const doc = documentFromText(text);
    const marked = {
      ...doc,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Yesterday ' },
            { type: 'text', text: 'prices rose', marks: [{ type: 'claim', attrs: { id: claim.id } }] },
            { type: 'text', text: ' by 3%.' },
          ],
        },
      ],
    };
    const saved = await saveArticle(editor, article.id, {
      baseVersion: current.version,
      title: 'Prices, revised',
      content: marked,
    });
    expect(saved).toMatchObject({
      title: 'Prices, revised',
      version: current.version + 1,
      plainText: text,
      claimCount: 1,
    });
    expect(saved.claims[0]).toMatchObject({
      id: claim.id,
      position: { start: 10, end: 21 },
      quote: { exact: 'prices rose' },
    });
    expect(await getArticle(editor, article.id)).toEqual(saved);
    expect((await db().article.findUniqueOrThrow({ where: { id: article.id } })).updatedById).toBe(editor.id);
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: article.id, action: 'article.update' } });
    expect(audit.after).toMatchObject({ title: 'Prices, revised', contentChanged: true });
  });

  it('refuses a save at a stale version with 409 naming baseVersion, an empty text with 422, and a reviewer with 403; nothing changes', async () => {
    const article = await newArticle('Unemployment fell.');
    const stored = async () => db().article.findUniqueOrThrow({ where: { id: article.id } });
    const stale = await refusal(saveArticle(editor, article.id, { baseVersion: article.version + 1, title: 'Late' }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.errors[0]?.path).toBe('baseVersion');
    const empty = await refusal(
      saveArticle(editor, article.id, { baseVersion: article.version, content: documentFromText('') }),
    );
    expect(empty.code).toBe('UNPROCESSABLE');
    expect(empty.errors[0]?.path).toBe('content');
    const link = (href: string) => ({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Click', marks: [{ type: 'link', attrs: { href } }] }] },
      ],
    });
    for (const href of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,x',
      '/relative',
      'mailto:a@b.c',
    ]) {
      const unsafe = await refusal(
        saveArticle(editor, article.id, { baseVersion: article.version, content: link(href) }),
      );
      expect([unsafe.code, unsafe.errors[0]?.path, unsafe.errors[0]?.message], href).toEqual([
        'BAD_REQUEST',
        'content',
        expect.stringContaining('absolute http(s) address'),
      ]);
    }
    expect(
      (await refusal(saveArticle(reviewer, article.id, { baseVersion: article.version, title: 'Mine' }))).code,
    ).toBe('FORBIDDEN');
    expect((await refusal(saveArticle(editor, 'no-such-article', { baseVersion: 1, title: 'X' }))).code).toBe(
      'NOT_FOUND',
    );
    expect(await stored()).toMatchObject({
      title: article.title,
      version: article.version,
      plainText: 'Unemployment fell.',
    });
    expect(await db().auditLog.count({ where: { entityId: article.id } })).toBe(0);
  });

  it('takes out a stored link that is not http(s) when the document is read to be changed, keeping its text', async () => {
    const article = await newArticle('Read the report.');
    const content = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Read the ' },
            { type: 'text', text: 'report', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
            { type: 'text', text: '.' },
          ],
        },
      ],
    };
    // Stored before links were checked (or written around the API): the document still opens and saves.
    await db().article.update({ where: { id: article.id }, data: { content } });
    const doc = parseContent(content);
    expect(JSON.stringify(doc.toJSON())).not.toContain('javascript:');
    expect(doc.textContent).toBe('Read the report.');
  });

  it('assigns a fact-checker, reviewer and due date without touching the version; only active people with the right role', async () => {
    const article = await newArticle();
    const disabled = await newActor(['EDITOR']);
    await db().user.update({ where: { id: disabled.id }, data: { disabled: true } });
    const staff = await listStaff(reviewer);
    expect(staff).toEqual(expect.arrayContaining([{ id: editor.id, name: editor.name, roles: ['EDITOR'] }]));
    expect(staff.some((s) => s.id === disabled.id)).toBe(false);

    const assigned = await setAssignment(editor, article.id, {
      factCheckerId: editor.id,
      reviewerId: reviewer.id,
      dueDate: '2026-12-01',
    });
    expect(assigned).toEqual({
      factChecker: { id: editor.id, name: editor.name },
      reviewer: { id: reviewer.id, name: reviewer.name },
      dueDate: '2026-12-01',
    });
    expect(await getAssignment(reviewer, article.id)).toEqual(assigned);
    expect((await db().article.findUniqueOrThrow({ where: { id: article.id } })).version).toBe(article.version);

    const wrong = await refusal(
      setAssignment(editor, article.id, { factCheckerId: reviewer.id, reviewerId: disabled.id, dueDate: null }),
    );
    expect(wrong.code).toBe('UNPROCESSABLE');
    expect(wrong.errors.map((e) => e.path)).toEqual(['factCheckerId', 'reviewerId']);
    expect(
      (await refusal(setAssignment(reviewer, article.id, { factCheckerId: null, reviewerId: null, dueDate: null })))
        .code,
    ).toBe('FORBIDDEN');
    expect((await refusal(getAssignment(editor, 'no-such-article'))).code).toBe('NOT_FOUND');
    expect(await getAssignment(editor, article.id)).toEqual(assigned);
    expect((await refusal(listStaff(nobody))).code).toBe('FORBIDDEN');
  });

  it("tells an article's history with its claims' events, oldest first, to staff only", async () => {
    const article = await newArticle('Exports grew.');
    const claim = await markClaim(editor, article.id, 'Exports grew');
    await setAssignment(editor, article.id, { factCheckerId: editor.id, reviewerId: null, dueDate: null });
    await db().auditLog.create({ data: { action: 'unrelated', entityType: 'Article', entityId: 'someone-else' } });
    const history = await articleHistory(reviewer, article.id);
    const actions = history.items.map((e) => [e.entityId, e.action]);
    expect(actions).toEqual(expect.arrayContaining([[article.id, 'article.assign']]));
    expect(history.items.every((e) => e.entityId === article.id || e.entityId === claim.id)).toBe(true);
    expect(history.items.map((e) => e.createdAt)).toEqual([...history.items.map((e) => e.createdAt)].sort());
    expect(history.items.find((e) => e.action === 'article.assign')?.actor).toEqual({
      id: editor.id,
      name: editor.name,
    });
    expect((await refusal(articleHistory(nobody, article.id))).code).toBe('FORBIDDEN');
    expect((await refusal(articleHistory(reviewer, 'no-such-article'))).code).toBe('NOT_FOUND');
  });

  it("shows on the dashboard one's own articles with review progress and a reviewer's queue", async () => {
    const mine = await newActor(['EDITOR']);
    const checker = await newActor(['REVIEWER']);
    const article = await newArticle('Rents rose. Rents fell.', {
      createdById: mine.id,
      reviewerId: checker.id,
      dueDate: new Date('2026-12-24'),
    });
    const inReview = await claimInReview(mine, { articleId: article.id, words: 'Rents rose' });
    await markClaim(mine, article.id, 'Rents fell');

    const dashboard = await getDashboard(mine);
    expect(dashboard.myArticles).toEqual([
      {
        id: article.id,
        title: article.title,
        dueDate: '2026-12-24T00:00:00.000Z',
        progress: { draft: 1, inReview: 1, changesRequested: 0, approved: 0 },
      },
    ]);
    expect(dashboard.myQueue).toEqual([]);
    expect(dashboard.articlesByState.find((s) => s.state === 'DRAFT')?.count).toBeGreaterThan(0);
    expect((await getDashboard(checker)).myQueue).toEqual(
      expect.arrayContaining([{ claimId: inReview.id, quote: 'Rents rose', articleTitle: article.title }]),
    );
    expect((await refusal(getDashboard(nobody))).code).toBe('FORBIDDEN');
  });
});
