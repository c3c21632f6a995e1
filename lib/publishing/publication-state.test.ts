import { describe, expect, it } from 'vitest';
import { publicationState } from './publication-state';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

describe('publicationState', () => {
  it('has no latest version and no retraction before the first publication', () => {
    expect(publicationState({ publications: [], retractions: [] })).toEqual({ latest: null, retraction: null });
  });

  it('lets a retraction after the latest version stand', () => {
    const state = publicationState({
      publications: [{ number: 1, publishedAt: at(1) }],
      retractions: [{ reason: 'Forged source.', createdAt: at(2) }],
    });
    expect(state).toEqual({
      latest: { number: 1, publishedAt: at(1) },
      retraction: { reason: 'Forged source.', at: at(2) },
    });
  });

  it('lifts a retraction once a newer version is published', () => {
    const state = publicationState({
      publications: [{ number: 2, publishedAt: at(3) }],
      retractions: [{ reason: 'Forged source.', createdAt: at(2) }],
    });
    expect(state.retraction).toBeNull();
    expect(state.latest?.number).toBe(2);
  });
});
