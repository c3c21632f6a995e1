import { describe, expect, it } from 'vitest';
import { nextInQueue } from './next-in-queue';

const q = (...ids: string[]) => ids.map((id) => ({ claimId: id.replace('*', ''), canApprove: !id.endsWith('*') }));

describe('nextInQueue', () => {
  it('takes the claim after the current one', () => {
    expect(nextInQueue(q('a', 'b', 'c'), 'b')).toBe('c');
  });
  it('wraps to the oldest when the current one is the last', () => {
    expect(nextInQueue(q('a', 'b', 'c'), 'c')).toBe('a');
  });
  it('skips claims the reviewer may not decide on, unless nothing else waits', () => {
    expect(nextInQueue(q('a', 'b*', 'c'), 'a')).toBe('c');
    expect(nextInQueue(q('a', 'b*'), 'a')).toBe('b');
  });
  it('starts from the oldest when the current claim has left the queue', () => {
    expect(nextInQueue(q('a', 'b'), 'x')).toBe('a');
  });
  it('is null when nothing else waits', () => {
    expect(nextInQueue(q('a'), 'a')).toBeNull();
    expect(nextInQueue([], 'a')).toBeNull();
  });
});
