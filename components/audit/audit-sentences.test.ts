import { describe, expect, it } from 'vitest';
import { ArticleStatus, ClaimStatus, ReviewDecision, Role } from '@/lib/generated/prisma/enums';
import messages from '@/lib/i18n/messages/en.json';
import { sourceKinds } from '@/lib/validation/verdicts';
import { describeChanges, stateNamespaces, valueText, type StateWords } from './audit-sentences';

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

  it('says which version a review covered and which source was added or removed, by its title and address', () => {
    expect(
      describeChanges(
        { status: 'IN_REVIEW' },
        { status: 'APPROVED', comment: null, claimVersion: 3 },
        { states: { claimStatus: { IN_REVIEW: 'In review', APPROVED: 'Approved' } } },
      ),
    ).toEqual(['State changed from In review to Approved', 'Version reviewed: 3']);
    expect(
      describeChanges(
        null,
        { sourceId: 's1', source: 'Budget 2026', url: 'https://gov.example/b', excerpt: '' },
        names,
      ),
    ).toEqual(['Source: Budget 2026', 'Address: https://gov.example/b']);
    expect(
      describeChanges({ sourceId: 's1', source: 'Budget 2026', url: 'https://gov.example/b' }, null, names),
    ).toEqual(['Source: Budget 2026', 'Address: https://gov.example/b']);
    expect(describeChanges(null, { authorIds: ['u1'], via: 'collaboration' }, names)).toEqual([
      'Written by: Ana',
      'Saved through: collaboration',
    ]);
  });

  it('shows every state the database can hold in words of the message catalog, never the stored value', () => {
    const states: StateWords = Object.fromEntries(stateNamespaces.map((namespace) => [namespace, messages[namespace]]));
    const stored = [
      ['claimStatus', 'status', ClaimStatus],
      ['articleStatus', 'status', ArticleStatus],
      ['reviewDecision', 'decision', ReviewDecision],
      ['role', 'roles', Role],
    ] as const;
    for (const [namespace, field, values] of stored) {
      for (const value of Object.values(values)) {
        const catalog: Record<string, string> = messages[namespace];
        expect(catalog[value], `${namespace}.${value}`).toMatch(/\S/);
        const word = valueText(field, value, { states });
        expect(word, `${field}: ${value}`).not.toBe(value);
        expect(Object.values(states).some((words) => words[value] === word)).toBe(true);
      }
    }
    expect(describeChanges({ status: 'IN_REVIEW' }, { status: 'APPROVED' }, { states })).toEqual([
      `State changed from ${messages.claimStatus.IN_REVIEW} to ${messages.claimStatus.APPROVED}`,
    ]);
    expect(describeChanges(null, { roles: ['EDITOR', 'REVIEWER'] }, { states })).toEqual([
      `Roles: ${messages.role.EDITOR}, ${messages.role.REVIEWER}`,
    ]);
    for (const kind of sourceKinds) {
      expect(messages.sourceKind[kind], `sourceKind.${kind}`).toMatch(/\S/);
      expect(valueText('kind', kind, { states })).toBe(messages.sourceKind[kind]);
    }
  });
});
