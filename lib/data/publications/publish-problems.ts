import 'server-only';
import type { Tx } from '@/lib/db';
import type { FieldError } from '@/lib/errors';

/** Why an article cannot be published now, by field; empty when it can. */
export async function publishProblems(
  tx: Tx,
  articleId: string,
  number: number,
  correctionNote: string | null,
): Promise<FieldError[]> {
  const settings = await tx.organisationSettings.findUnique({ where: { id: 'default' } });
  const problems: FieldError[] = [];
  if (!settings?.name) problems.push({ path: 'settings.name', message: 'Set the organisation’s name in Settings.' });
  if (!settings?.url) problems.push({ path: 'settings.url', message: 'Set the organisation’s website in Settings.' });
  if (!settings?.correctionsPolicyUrl)
    problems.push({ path: 'settings.correctionsPolicyUrl', message: 'Set the corrections policy page in Settings.' });
  const approved = await tx.claim.count({
    where: { articleId, status: 'APPROVED', deletedAt: null, detachedAt: null },
  });
  if (approved === 0) problems.push({ path: 'claims', message: 'At least one claim must be approved.' });
  if (number > 1 && !correctionNote?.trim())
    problems.push({ path: 'correctionNote', message: 'Say what this new version corrects.' });
  return problems;
}
