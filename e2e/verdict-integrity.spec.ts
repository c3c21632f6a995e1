import fc from 'fast-check';
import { test } from '@playwright/test';
import { apiAs, createUser, demoAdminApi, tokenFor, uniqueSuffix, type Role } from './support/accounts';
import { activeRatings, settlePublishingSettings } from './support/newsroom-api';
import { verdictCommands } from './support/verdict-commands';
import { checkPublic, setupRun, type UserKey, type World } from './support/verdict-model';

// Fixed and bounded so `npm test` is repeatable; FACTMARK_MODEL_SEED / FACTMARK_MODEL_RUNS explore further.
const seed = Number(process.env.FACTMARK_MODEL_SEED ?? 20261130);
const numRuns = Number(process.env.FACTMARK_MODEL_RUNS ?? 5);
const maxCommands = 20;

const ROLES: Record<UserKey, Role[]> = {
  E1: ['EDITOR'],
  E2: ['EDITOR'],
  ER: ['EDITOR', 'REVIEWER'],
  R1: ['REVIEWER'],
  R2: ['REVIEWER'],
};

test('what readers see of every published claim is exactly what a reviewer approved who wrote none of it (model-based)', async ({
  baseURL,
}) => {
  // Shrinking replays whole runs against the server: give a failure room to shrink before it is reported.
  test.setTimeout(600_000);
  const admin = await demoAdminApi();
  await settlePublishingSettings(admin);
  const api = {} as Record<UserKey, World['api'][UserKey]>;
  const names: string[] = [];
  await Promise.all(
    (Object.entries(ROLES) as [UserKey, Role[]][]).map(async ([key, roles]) => {
      const user = await createUser(admin, roles, `model-${key.toLowerCase()}`);
      api[key] = await apiAs(baseURL ?? '', (await tokenFor(user.email, user.password)).token);
      names.push(`${key}=${user.name}`);
    }),
  );
  const base = { api, reader: await apiAs(baseURL ?? '', null), ratings: (await activeRatings(admin)).slice(0, 4) };
  test.info().annotations.push({
    type: 'fast-check',
    description: `seed ${seed}, ${numRuns} runs of up to ${maxCommands} commands; users ${names.join(', ')}`,
  });

  await fc.assert(
    fc.asyncProperty(fc.commands(verdictCommands, { maxCommands, size: 'max' }), async (commands) => {
      const setup = await setupRun(base, uniqueSuffix());
      await checkPublic(setup.model, setup.real, 'after setup');
      await fc.asyncModelRun(() => Promise.resolve(setup), commands);
    }),
    // verbose: the report names the seed, the replay path and the shrunk command sequence.
    { seed, numRuns, verbose: 1, interruptAfterTimeLimit: 480_000, markInterruptAsFailure: false },
  );
});
