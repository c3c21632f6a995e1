import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { getPublicationAnnotations } from '@/lib/data/publications/get-publication-annotations';

export const GET = apiRoute(operations.publicationAnnotations, async ({ params }) =>
  Response.json(await getPublicationAnnotations(params.id ?? ''), {
    headers: {
      'Content-Type': operations.publicationAnnotations.mediaType,
      'Cache-Control': 'public, max-age=60',
      'Access-Control-Allow-Origin': '*',
    },
  }),
);
