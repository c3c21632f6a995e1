/** Runs once when the server starts (Next.js instrumentation hook). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installPeerAddress } = await import('@/lib/auth/peer-address');
  installPeerAddress();
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { warmCheckWorthiness } = await import('@/lib/suggestions/check-worthiness');
  warmCheckWorthiness();
  if (process.env.FACTMARK_WORKERS === '0') return;
  const { startInProcessWorkers } = await import('@/lib/jobs/in-process');
  startInProcessWorkers();
}
