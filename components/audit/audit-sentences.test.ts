import { describe, expect, it } from 'vitest';
import { describeChanges } from './audit-sentences';

const names = {
  ratings: new Map([
    ['r1', 'False'],
    ['r2', 'Half true'],
  ]),
  people: new Map([['u1', 'Ana']]),
};

describe('audit events in words', () => {
  it('names a changed rating by its label, whichever name the record used for it', () => {
    expect(describeChanges({ version: 3, ratingId: 'r1', shortVerdict: 'No.' }, { rating: 'r2' }, names)).toEqual([
      'Rating changed from False to Half true',
    ]);
  });

  it('says set, cleared and changed, and names people and due dates', () => {
    const lines = describeChanges(
      { reviewerId: null, factCheckerId: 'u1', dueDate: null },
      { reviewerId: 'u1', factCheckerId: null, dueDate: '2026-12-31' },
      names,
    );
    expect(lines).toEqual(['Reviewer set to Ana', 'Fact-checker cleared (was Ana)', 'Due date set to 2026-12-31']);
  });

  it('lists what a new record holds and hides ids and positions', () => {
    expect(describeChanges(null, { exact: 'wages doubled', start: 3, end: 16, prefix: 'x' }, names)).toEqual([
      'Words: wages doubled',
    ]);
    expect(describeChanges({ version: 1 }, { version: 2, contentChanged: true }, names)).toEqual(['Text changed']);
    expect(describeChanges({ exact: 'gone' }, null, names)).toEqual(['Words: gone']);
  });
});
