/** Runs once when the server starts (Next.js instrumentation hook). */
export async function register(): Promise<void> {
  // Next replaces NEXT_RUNTIME at build time, which keeps the Node-only imports below out of the edge bundle.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installPeerAddress } = await import('@/lib/auth/peer-address');
  installPeerAddress();
  const { startEnv } = await import('@/lib/env');
  const env = startEnv();
  if (env.NEXT_PHASE === 'phase-production-build') return;
  const { warmCheckWorthiness } = await import('@/lib/suggestions/check-worthiness');
  warmCheckWorthiness();
  if (env.FACTMARK_WORKERS === '0') return;
  const { startInProcessWorkers } = await import('@/lib/jobs/in-process');
  startInProcessWorkers();
}
