import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is not set: start Factmark with `npm start`.'),
  AUTH_SECRET: z.string().min(16).optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  FACTMARK_PUBLIC_URL: z.url().optional(),
  // Connections per instance, and how long a request waits for one (or for a transaction slot) before a 503.
  FACTMARK_DB_POOL_SIZE: z.coerce.number().int().min(2).max(100).default(10),
  FACTMARK_DB_WAIT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  // How long one import (sanitizing, .docx, Readability, Markdown, ClaimReview) may run on the import worker before 422.
  FACTMARK_IMPORT_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(300_000).default(15_000),
  // `npm run bench…` starts the server with 1: the /api/bench routes answer; otherwise they are 404.
  FACTMARK_BENCH: z.enum(['0', '1']).default('0'),
  // 1: the job queue's workers (ClaimReview feed refreshes) run inside the app; 0: only `npm run worker` runs them.
  FACTMARK_WORKERS: z.enum(['0', '1'], { error: 'FACTMARK_WORKERS is 0 or 1.' }).default('1'),
  // When the ClaimReview feeds are refreshed: five cron fields, UTC.
  FACTMARK_FEED_SCHEDULE: z
    .string()
    .trim()
    .regex(/^(\S+\s+){4}\S+$/, 'FACTMARK_FEED_SCHEDULE is a cron expression of five fields, such as "0 * * * *".')
    .default('0 * * * *'),
  // Live collaboration in the editor (the /collab WebSocket): 1 (default) on, 0 off: the editor saves through the API alone.
  FACTMARK_COLLAB: z.enum(['0', '1']).default('1'),
  // Largest WebSocket message (a Yjs update) and most messages per connection in 10 s before the socket is closed.
  FACTMARK_COLLAB_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(4 * 1024 * 1024),
  FACTMARK_COLLAB_MAX_MESSAGES_PER_10S: z.coerce.number().int().min(10).max(100_000).default(1_000),
  // How many proxies in front of the app append to X-Forwarded-For; anything but a whole number above 0 means none.
  FACTMARK_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).catch(0),
  // 1 lets imports reach private addresses (the tests' own page server); anything else refuses them.
  FACTMARK_ALLOW_PRIVATE_URLS: z.enum(['0', '1']).catch('0'),
  // Single sign-on (see .env.example): each provider is on when all its values are set (non-empty).
  AUTH_GITHUB_ID: z.string().optional(),
  AUTH_GITHUB_SECRET: z.string().optional(),
  AUTH_OIDC_ISSUER: z.string().optional(),
  AUTH_OIDC_ID: z.string().optional(),
  AUTH_OIDC_SECRET: z.string().optional(),
  AUTH_OIDC_NAME: z.string().default('Single sign-on'),
  // Set by Next.js: which build phase runs the code (instrumentation does not start workers during `next build`).
  NEXT_PHASE: z.string().optional(),
});

export type ServerEnv = z.infer<typeof schema>;
let parsed: ServerEnv | undefined;

/** The server's environment, validated once; the start script sets DATABASE_URL and AUTH_SECRET. */
export function serverEnv(): ServerEnv {
  parsed ??= schema.parse(process.env);
  return parsed;
}

const publicUrlSchema = schema
  .pick({ FACTMARK_PUBLIC_URL: true })
  .extend({ PORT: z.coerce.number().int().min(0).max(65535).default(3000) });
let publicUrlParsed: z.infer<typeof publicUrlSchema> | undefined;

/**
 * What absolute links are built from (the public URL, else this server's port), validated apart from the rest:
 * the seed publishes the demo before the server's environment (DATABASE_URL) is complete.
 */
export function publicUrlEnv(): z.infer<typeof publicUrlSchema> {
  publicUrlParsed ??= publicUrlSchema.parse(process.env);
  return publicUrlParsed;
}

/** True only on a server the benchmarks started: the /api/bench routes exist there and nowhere else. */
export const benchRoutesEnabled = () => serverEnv().FACTMARK_BENCH === '1';

/** Whether the editor collaborates live through the /collab WebSocket (on unless FACTMARK_COLLAB=0). */
export const collabEnabled = () => serverEnv().FACTMARK_COLLAB === '1';

// Read on every call, not once: a request path reads them, and tests change them while the process runs.
const requestSchema = schema.pick({
  FACTMARK_TRUSTED_PROXY_HOPS: true,
  FACTMARK_ALLOW_PRIVATE_URLS: true,
  AUTH_GITHUB_ID: true,
  AUTH_GITHUB_SECRET: true,
  AUTH_OIDC_ISSUER: true,
  AUTH_OIDC_ID: true,
  AUTH_OIDC_SECRET: true,
  AUTH_OIDC_NAME: true,
});

/** The variables that sign-in, throttling and imports read, validated apart from the rest (the proxy reads some). */
export const requestEnv = (): z.infer<typeof requestSchema> => requestSchema.parse(process.env);

/** Whether this is a development server (`next dev`, NODE_ENV not production): the page CSP then allows its tooling. */
export const isDevelopmentServer = () => process.env.NODE_ENV !== 'production';

const startSchema = schema.pick({ NEXT_PHASE: true, FACTMARK_WORKERS: true });

/** What the instrumentation hook reads when the server starts: Next's build phase and whether workers run in the app. */
export const startEnv = (): z.infer<typeof startSchema> => startSchema.parse(process.env);

/** The environment for a thread or process the app starts: this one's, with `overrides` (e.g. its own pool size). */
export const childEnv = (overrides: Record<string, string>): NodeJS.ProcessEnv => ({ ...process.env, ...overrides });
