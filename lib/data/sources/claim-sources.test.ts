// A claim's sources: who may add, edit and remove them, and what is refused (the lifecycle test covers what they do to review).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { markClaim, newActor, newArticle, unique } from '@/scripts/testing/newsroom-fixtures';
import { refusal } from '@/scripts/testing/refusal';
import { getClaimDetail } from '../claims/get-claim-detail';
import { addSource } from './add-source';
import { removeSource } from './remove-source';
import { updateSource } from './update-source';

const source = (title: string) => ({
  url: `https://stats.example.org/${unique()}`,
  title,
  publisher: 'Statistics office',
  publishedAt: '2026-01-15',
  kind: 'official-data' as const,
});

describe('claim sources', () => {
  let editor: Actor;
  let reviewer: Actor;
  beforeAll(async () => {
    [editor, reviewer] = await Promise.all([newActor(['EDITOR']), newActor(['REVIEWER'])]);
  });
  afterAll(() => db().$disconnect());

  async function draftClaim() {
    return markClaim(editor, (await newArticle('Deaths fell by a third.')).id, 'Deaths fell');
  }

  it('adds a new source with its details and excerpt, then one from the library, each recorded; the claim moves to the next version', async () => {
    const claim = await draftClaim();
    const first = await addSource(editor, claim.id, {
      ...source('Mortality table'),
      excerpt: 'Table 4',
      archivedUrl: 'https://archive.example.org/x',
    });
    expect(first).toMatchObject({
      version: 2,
      sources: [
        {
          title: 'Mortality table',
          publisher: 'Statistics office',
          publishedAt: '2026-01-15T00:00:00.000Z',
          kind: 'official-data',
          excerpt: 'Table 4',
          archivedUrl: 'https://archive.example.org/x',
        },
      ],
    });
    const library = await db().source.create({
      data: { url: `https://example.org/${unique()}`, title: 'Annual report' },
    });
    const second = await addSource(editor, claim.id, { sourceId: library.id });
    expect(second.sources.map((s) => s.title)).toEqual(['Mortality table', 'Annual report']);
    expect(await getClaimDetail(reviewer, claim.id)).toEqual(second);
    expect(await db().auditLog.count({ where: { entityId: claim.id, action: 'source.add', actorId: editor.id } })).toBe(
      2,
    );
  });

  it('refuses a source listed twice, an unknown library source, and a missing claim, adding nothing', async () => {
    const claim = await draftClaim();
    const added = await addSource(editor, claim.id, source('Once'));
    const listed = added.sources[0]?.id ?? '';
    const twice = await refusal(addSource(editor, claim.id, { sourceId: listed }));
    expect([twice.code, twice.errors[0]?.path]).toEqual(['CONFLICT', 'sourceId']);
    const unknown = await refusal(addSource(editor, claim.id, { sourceId: 'no-such-source' }));
    expect([unknown.code, unknown.errors[0]?.path]).toEqual(['UNPROCESSABLE', 'sourceId']);
    expect((await refusal(addSource(editor, 'no-such-claim', source('Lost')))).code).toBe('NOT_FOUND');
    expect(await getClaimDetail(editor, claim.id)).toMatchObject({ version: added.version, sources: [{ id: listed }] });
  });

  it('edits and removes only sources listed for the claim: others are not found and nothing changes', async () => {
    const claim = await draftClaim();
    const other = await draftClaim();
    const elsewhere = (await addSource(editor, other.id, source('Elsewhere'))).sources[0]?.id ?? '';
    const mine = await addSource(editor, claim.id, source('Mine'));
    expect((await refusal(updateSource(editor, claim.id, elsewhere, { title: 'Taken over' }))).code).toBe('NOT_FOUND');
    expect((await refusal(removeSource(editor, claim.id, elsewhere))).code).toBe('NOT_FOUND');
    expect((await getClaimDetail(editor, other.id)).sources.map((s) => s.title)).toEqual(['Elsewhere']);
    expect(await getClaimDetail(editor, claim.id)).toEqual(mine);

    const edited = await updateSource(editor, claim.id, mine.sources[0]?.id ?? '', {
      title: 'Mine, revised',
      publishedAt: null,
      excerpt: 'p. 3',
    });
    expect(edited.sources[0]).toMatchObject({ title: 'Mine, revised', publishedAt: null, excerpt: 'p. 3' });
    await removeSource(editor, claim.id, mine.sources[0]?.id ?? '');
    expect((await getClaimDetail(editor, claim.id)).sources).toEqual([]);
  });

  it('lets only editors change sources', async () => {
    const claim = await draftClaim();
    const added = await addSource(editor, claim.id, source('Kept'));
    const id = added.sources[0]?.id ?? '';
    expect((await refusal(addSource(reviewer, claim.id, source('No')))).code).toBe('FORBIDDEN');
    expect((await refusal(updateSource(reviewer, claim.id, id, { title: 'No' }))).code).toBe('FORBIDDEN');
    expect((await refusal(removeSource(reviewer, claim.id, id))).code).toBe('FORBIDDEN');
    expect((await refusal(addSource(null, claim.id, source('No')))).code).toBe('UNAUTHENTICATED');
    expect(await getClaimDetail(editor, claim.id)).toEqual(added);
  });
});
