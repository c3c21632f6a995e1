import { serverEnv } from '@/lib/env';

/**
 * The public address absolute links use (structured data, feeds, Open Graph, annotations): FACTMARK_PUBLIC_URL,
 * else the address the request came to (when there is one), else this server on localhost.
 */
export const publicOrigin = (requestOrigin?: string) =>
  (serverEnv().FACTMARK_PUBLIC_URL ?? requestOrigin ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
