/**
 * Runs `run` every `intervalMs`, never while its previous run is still going: a run that takes longer than the
 * interval delays the next one (which then starts at once) instead of a second starting beside it. A run that fails
 * is the caller's to report (`run` should not throw); the next one is scheduled all the same. Returns the function
 * that stops the repetition.
 */
export function repeatWithoutOverlap(run: () => Promise<void>, intervalMs: number): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(tick, delay);
    timer.unref();
  };
  const tick = () => {
    const started = performance.now();
    void run()
      .catch(() => undefined)
      .finally(() => schedule(Math.max(0, intervalMs - (performance.now() - started))));
  };
  schedule(intervalMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
