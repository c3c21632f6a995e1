import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { importClaimReviews } from '@/lib/data/claim-memory/import-claim-reviews';

export const POST = apiRoute(operations.importClaimReviews, ({ actor, body }) => importClaimReviews(actor, body));
