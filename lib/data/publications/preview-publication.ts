import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { publicOrigin } from '@/lib/publishing/public-origin';
import { NOTICE_SLOT, renderReaderPage } from '@/lib/publishing/render-reader';
import { buildSnapshot } from './build-snapshot';

/** The reader page exactly as publishing now would render it (structured data included), marked as a preview. */
export async function previewPublication(actor: Actor | null, articleId: string): Promise<string> {
  authorize(actor, 'publishArticles');
  const snapshot = await db().$transaction(async (tx) => {
    const last = await tx.publication.aggregate({ where: { articleId }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    return buildSnapshot(
      tx,
      articleId,
      number,
      number > 1 ? 'The correction note you write will appear here.' : null,
      new Date(),
    );
  });
  const banner = `<aside class="newer" role="note"><strong>Preview.</strong> Not published: this is how version ${snapshot.number} will look to readers.</aside>`;
  return renderReaderPage(snapshot, publicOrigin()).replace(NOTICE_SLOT, banner);
}
