import { publicUrlEnv } from '@/lib/env';

/**
 * The public address absolute links use (structured data, feeds, Open Graph, annotations): FACTMARK_PUBLIC_URL,
 * else the address the request came to (when there is one), else this server on localhost.
 */
export const publicOrigin = (requestOrigin?: string) => {
  const env = publicUrlEnv();
  return (env.FACTMARK_PUBLIC_URL ?? requestOrigin ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
};
