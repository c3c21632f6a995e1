// The periodic re-check of live connections (recheck.ts) reads the database each second; when a run took longer
// than that (a loaded database), the next started beside it, and runs piled up on the pool they were waiting for.
import { describe, expect, it } from 'vitest';
import { repeatWithoutOverlap } from './repeat-without-overlap';

describe('a periodic run that never overlaps itself', () => {
  it('starts no run while the previous one is going, however long it takes, and runs again after it', async () => {
    let running = 0;
    let mostAtOnce = 0;
    let runs = 0;
    const stop = repeatWithoutOverlap(async () => {
      running++;
      runs++;
      mostAtOnce = Math.max(mostAtOnce, running);
      // Each run takes about five intervals.
      await new Promise((resolve) => setTimeout(resolve, 50));
      running--;
    }, 10);
    await expect.poll(() => runs, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    stop();
    expect(mostAtOnce).toBe(1);
  });

  it('goes on after a run that fails', async () => {
    let runs = 0;
    const stop = repeatWithoutOverlap(async () => {
      runs++;
      throw new Error('the database is away');
    }, 5);
    await expect.poll(() => runs, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    stop();
  });
});
