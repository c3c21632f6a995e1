import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { exportClaimsCsv } from '@/lib/data/claims/export-claims';

export const GET = apiRoute(operations.exportClaimsCsv, async ({ actor, params }) => {
  const { filename, csv } = await exportClaimsCsv(actor, params.id ?? '');
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
});
