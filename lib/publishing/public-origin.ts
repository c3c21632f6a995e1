/**
 * The public address absolute links use (structured data, feeds, Open Graph, annotations): FACTMARK_PUBLIC_URL,
 * else the address the request came to (when there is one), else this server on localhost. Read without
 * lib/env's serverEnv(): the seed publishes the demo before the server's environment is complete.
 */
export const publicOrigin = (requestOrigin?: string) =>
  (process.env.FACTMARK_PUBLIC_URL ?? requestOrigin ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(
    /\/$/,
    '',
  );
