import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { searchSources } from '@/lib/data/sources/search-sources';

export const GET = apiRoute(operations.searchSources, ({ actor, query }) => searchSources(actor, query.q));
