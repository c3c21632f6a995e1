import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import type { Tx } from '@/lib/db';
import type { ImageToStore } from '@/lib/importing/import-images';

/** Stores an import's images with its new article, in the transaction that creates the article. */
export async function storeImportedImages(
  tx: Tx,
  actor: Actor | null,
  articleId: string,
  images: readonly ImageToStore[],
): Promise<void> {
  authorize(actor, 'editArticles');
  if (images.length === 0) return;
  await tx.media.createMany({
    data: images.map((image) => ({
      id: image.id,
      articleId,
      type: image.type,
      size: image.bytes.byteLength,
      sha256: image.sha256,
      bytes: new Uint8Array(image.bytes),
      sourceUrl: image.sourceUrl,
      createdById: actor.id,
    })),
  });
}
