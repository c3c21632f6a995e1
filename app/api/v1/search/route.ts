import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { searchNewsroom } from '@/lib/data/claim-memory/search';

export const GET = apiRoute(operations.search, ({ actor, query }) => searchNewsroom(actor, query));
