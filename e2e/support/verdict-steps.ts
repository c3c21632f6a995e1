import type fc from 'fast-check';
import { statusesAfterChange, checkPublic, settle } from './verdict-model';
import type { ClaimExpectation, ClaimModel, Model, UserKey, World } from './verdict-model';
import type { ClaimContent } from './public-verdicts';

// What every command of the verdict model does around its action (e2e/support/verdict-*-commands.ts).

export type Command = fc.AsyncCommand<Model, World>;

export const claimAt = (m: Model, i: number): ClaimModel => {
  const c = m.claims[i % m.claims.length];
  if (!c) throw new Error(`no claim ${i}`);
  return c;
};

/** Runs one step: the action, then the claims re-read against expectations, then the public invariant. */
export async function step(
  m: Model,
  w: World,
  what: string,
  act: () => Promise<{
    expectations: Map<number, ClaimExpectation>;
    untouchedVersion?: 'same' | 'any';
    after?: () => void;
  }>,
) {
  m.step++;
  const label = `step ${m.step} ${what}`;
  const { expectations, untouchedVersion, after } = await act();
  // The public check reads only publications and approvals of earlier steps: it runs beside the claims' re-read.
  await Promise.all([
    settle(m, w, label, expectations, untouchedVersion).then(() => after?.()),
    checkPublic(m, w, label),
  ]);
}

/** Records a write by `who`: an author when it changed the content, a re-sender when it did not. */
export function wrote(c: ClaimModel, who: UserKey, changed: boolean): void {
  if (changed) c.authors.add(who);
  else c.resenders.add(who);
}

export function changeExpectation(c: ClaimModel, content: ClaimContent): ClaimExpectation {
  const changed = JSON.stringify(content) !== JSON.stringify(c.now.content);
  return changed
    ? { content, statuses: statusesAfterChange(c.now.status), version: 'bumped' }
    : { content, statuses: [c.now.status], version: 'same' };
}
