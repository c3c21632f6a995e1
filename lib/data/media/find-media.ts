import 'server-only';
import { permissions, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { mediaSrc } from '@/lib/editor/figure';

export interface MediaFile {
  type: string;
  bytes: Uint8Array;
  sha256: string;
  /** Readers may see it: a publication of its own article shows it. Else only staff may. */
  isPublic: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A stored image for this viewer: staff see any article's images (drafts included); anyone else only an
 * image a publication of its own article shows, while that article is not deleted. Null when there is none or the viewer may not see it.
 */
export async function findMedia(actor: Actor | null, id: string): Promise<MediaFile | null> {
  if (!UUID.test(id)) return null;
  const media = await db().media.findUnique({
    where: { id },
    select: { type: true, bytes: true, sha256: true, articleId: true },
  });
  if (!media) return null;
  const published = await db().publication.findFirst({
    // A deleted article's pages are gone for readers, and so are its images.
    where: {
      articleId: media.articleId,
      article: { deletedAt: null },
      html: { contains: `src="${mediaSrc(id)}"` },
    },
    select: { id: true },
  });
  if (!published && !(actor && permissions.readNewsroom(actor))) return null;
  return { type: media.type, bytes: media.bytes, sha256: media.sha256, isPublic: published !== null };
}
