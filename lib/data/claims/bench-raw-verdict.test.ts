// The benchmarks' floor of a verdict save (app/api/bench/raw-verdict): the same rows as the real save, or nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { markClaim, newActor, newArticle } from '@/scripts/testing/newsroom-fixtures';
import { saveVerdictRaw } from './bench-raw-verdict';
import { getClaimDetail } from './get-claim-detail';

describe('saveVerdictRaw', () => {
  let editor: Actor;
  beforeAll(async () => {
    editor = await newActor(['EDITOR']);
  });

  it('saves the short verdict at the next version, with its audit entry, as the real save does', async () => {
    const article = await newArticle('The rate rose to 5% in May.');
    const claim = await markClaim(editor, article.id, 'The rate rose');
    expect(await saveVerdictRaw(claim.id, editor.id, claim.version, 'Mostly true.')).toEqual({
      status: 200,
      version: claim.version + 1,
    });
    const detail = await getClaimDetail(editor, claim.id);
    expect([detail.version, detail.shortVerdict]).toEqual([claim.version + 1, 'Mostly true.']);
    const audit = await db().auditLog.findMany({ where: { entityId: claim.id, action: 'claim.update' } });
    expect(audit.map((a) => [a.actorId, a.after])).toEqual([
      [editor.id, { baseVersion: claim.version, shortVerdict: 'Mostly true.' }],
    ]);
  });

  it('writes nothing for a stale version (409) or an unknown claim (404)', async () => {
    const article = await newArticle('Crime fell by a third.');
    const claim = await markClaim(editor, article.id, 'Crime fell');
    expect(await saveVerdictRaw(claim.id, editor.id, claim.version + 5, 'Stale.')).toEqual({ status: 409 });
    expect(await saveVerdictRaw(crypto.randomUUID(), editor.id, 1, 'Nobody.')).toEqual({ status: 404 });
    const detail = await getClaimDetail(editor, claim.id);
    expect([detail.version, detail.shortVerdict]).toEqual([claim.version, null]);
    expect(await db().auditLog.count({ where: { entityId: claim.id, action: 'claim.update' } })).toBe(0);
  });
});
