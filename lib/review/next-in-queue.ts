/** A claim waiting in the review queue, as far as choosing the next one goes. */
export interface QueuedClaim {
  claimId: string;
  canApprove: boolean;
}

/**
 * The claim to review after `currentId` in a queue ordered oldest first: the next one after it this reviewer may
 * decide on, else the first such before it (the queue wraps), else any other claim; null when nothing else waits.
 * A current claim no longer in the queue (just decided) counts as being before the first.
 */
export function nextInQueue(queue: readonly QueuedClaim[], currentId: string): string | null {
  const at = queue.findIndex((c) => c.claimId === currentId);
  const others = [...queue.slice(at + 1), ...queue.slice(0, Math.max(at, 0))].filter((c) => c.claimId !== currentId);
  return (others.find((c) => c.canApprove) ?? others[0])?.claimId ?? null;
}
