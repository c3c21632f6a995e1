import { parseArgs } from 'node:util';
import { FriendlyError } from './friendly-error';

/** Parses `--name value` options; unknown options and missing required ones are one clear line. */
export function cliOptions<const K extends string>(
  names: readonly K[],
  required: readonly K[],
): Record<K, string | undefined> {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      options: Object.fromEntries(names.map((n) => [n, { type: 'string' as const }])),
      strict: true,
    }).values;
  } catch (err) {
    throw new FriendlyError((err as Error).message);
  }
  const missing = required.filter((n) => typeof values[n] !== 'string' || values[n] === '');
  if (missing.length > 0) throw new FriendlyError(`missing ${missing.map((m) => `--${m}`).join(', ')}`);
  return values as Record<K, string | undefined>;
}
