// What admins manage for the organisation: its public settings, the rating scale, and the audit log they search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { claimInReview, newActor, newRating, publishableSettings, unique } from '@/scripts/testing/newsroom-fixtures';
import { refusal } from '@/scripts/testing/refusal';
import { searchAuditLog } from '@/lib/data/audit/search-audit-log';
import { getClaimDetail } from '../claims/get-claim-detail';
import { createRating } from '@/lib/data/ratings/create-rating';
import { listRatings } from '@/lib/data/ratings/list-ratings';
import { updateRating } from '@/lib/data/ratings/update-rating';
import { getEmbedOrigins } from './get-embed-origins';
import { getSettings } from './get-settings';
import { updateSettings } from './update-settings';

describe('organisation settings, rating scale and audit log', () => {
  let admin: Actor;
  let editor: Actor;
  beforeAll(async () => {
    [admin, editor] = await Promise.all([newActor(['ADMIN']), newActor(['EDITOR'])]);
  });
  // The settings are one row for the whole database: leave them as publishing needs them.
  afterAll(async () => {
    await publishableSettings();
    await db().$disconnect();
  });

  it('lets an admin change the public settings, recorded with before and after; anyone reads them', async () => {
    const before = await getSettings();
    const name = `Desk ${unique()}`;
    const saved = await updateSettings(admin, {
      name,
      methodologyUrl: 'https://desk.example.org/method',
      embedOrigins: ['https://partner.example'],
    });
    expect(saved).toEqual({
      ...before,
      name,
      methodologyUrl: 'https://desk.example.org/method',
      embedOrigins: ['https://partner.example'],
    });
    expect(await getSettings()).toEqual(saved);
    expect(await getEmbedOrigins()).toEqual(['https://partner.example']);
    const audit = await db().auditLog.findFirstOrThrow({
      where: { action: 'settings.update', actorId: admin.id },
      orderBy: { createdAt: 'desc' },
    });
    expect(audit.before).toMatchObject({ name: before.name });
    expect(audit.after).toMatchObject({ name });
  });

  it('refuses settings changes from editors and from nobody, changing nothing', async () => {
    const before = await getSettings();
    expect((await refusal(updateSettings(editor, { name: 'Hijacked' }))).code).toBe('FORBIDDEN');
    expect((await refusal(updateSettings(null, { name: 'Hijacked' }))).code).toBe('UNAUTHENTICATED');
    expect(await getSettings()).toEqual(before);
  });

  it('adds a rating at the end of the scale unless placed, and gives the best and worst of the active ordinal ratings', async () => {
    const added = await createRating(admin, {
      label: `Half true ${unique()}`,
      description: '',
      colour: '#6b4e00',
      value: 3,
    });
    const { items, bestRating, worstRating } = await listRatings();
    expect(items.at(-1)).toEqual(added);
    expect(added.position).toBe(Math.max(...items.map((r) => r.position)));
    const ordinal = items.filter((r) => r.active && r.value !== null).map((r) => r.value as number);
    expect([bestRating, worstRating]).toEqual([Math.max(...ordinal), Math.min(...ordinal)]);
    expect(await db().auditLog.count({ where: { entityId: added.id, action: 'rating.create' } })).toBe(1);

    const retired = await updateRating(admin, added.id, { active: false });
    expect(retired).toMatchObject({ id: added.id, active: false });
    expect((await listRatings({ activeOnly: true })).items.some((r) => r.id === added.id)).toBe(false);
    expect((await listRatings()).items.some((r) => r.id === added.id)).toBe(true);
  });

  it('rewording a rating moves the version of claims in review that use it; reordering does not', async () => {
    const rating = await newRating(2);
    const claim = await claimInReview(editor, { ratingId: rating.id });
    await updateRating(admin, rating.id, { position: 650 });
    expect((await getClaimDetail(editor, claim.id)).version).toBe(claim.version);
    const reworded = await updateRating(admin, rating.id, { label: `Mostly false ${unique()}` });
    expect(await getClaimDetail(editor, claim.id)).toMatchObject({
      version: claim.version + 1,
      rating: { label: reworded.label },
    });
  });

  it('lets only admins change the scale, and says 404 for a missing rating', async () => {
    const rating = await newRating();
    expect(
      (await refusal(createRating(editor, { label: 'Mine', description: '', colour: '#000000', value: null }))).code,
    ).toBe('FORBIDDEN');
    expect((await refusal(updateRating(editor, rating.id, { label: 'Mine' }))).code).toBe('FORBIDDEN');
    expect((await refusal(updateRating(admin, 'no-such-rating', { label: 'Mine' }))).code).toBe('NOT_FOUND');
    expect((await db().rating.findUniqueOrThrow({ where: { id: rating.id } })).label).toBe(rating.label);
    expect(await db().rating.count({ where: { label: 'Mine' } })).toBe(0);
  });

  it('searches the audit log by entity, person and dates, newest first, paged by cursor; admins only', async () => {
    const entityId = `entity-${unique()}`;
    const at = (iso: string) => new Date(iso);
    for (const [action, actorId, createdAt] of [
      ['a.first', admin.id, at('2026-01-01T10:00:00Z')],
      ['a.second', editor.id, at('2026-01-02T10:00:00Z')],
      ['a.third', admin.id, at('2026-01-03T10:00:00Z')],
    ] as const) {
      await db().auditLog.create({ data: { action, actorId, entityType: 'Test', entityId, createdAt } });
    }
    const actions = (page: { items: { action: string }[] }) => page.items.map((e) => e.action);
    const first = await searchAuditLog(admin, { entity: 'Test', entityId, limit: 2 });
    expect(actions(first)).toEqual(['a.third', 'a.second']);
    expect(first.items[1]?.actor).toEqual({ id: editor.id, name: editor.name });
    const second = await searchAuditLog(admin, { entityId, limit: 2, cursor: first.nextCursor ?? undefined });
    expect([actions(second), second.nextCursor]).toEqual([['a.first'], null]);
    expect(actions(await searchAuditLog(admin, { entityId, actor: admin.id, limit: 10 }))).toEqual([
      'a.third',
      'a.first',
    ]);
    expect(
      actions(
        await searchAuditLog(admin, { entityId, from: '2026-01-02T00:00:00Z', to: '2026-01-02T23:59:59Z', limit: 10 }),
      ),
    ).toEqual(['a.second']);
    expect((await refusal(searchAuditLog(editor, { entityId, limit: 10 }))).code).toBe('FORBIDDEN');
  });
});
