// Prisma's schema engine compiled to WebAssembly: schema diffs without the native binary, which
// the Prisma CLI would download.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import type * as EngineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..');
export const schemaPath = path.join(projectRoot, 'prisma', 'schema.prisma');
export const migrationsDir = path.join(projectRoot, 'prisma', 'migrations');
/** The schema as of the newest migration; `db:migration` diffs against it. */
export const snapshotPath = path.join(migrationsDir, 'schema.snapshot.prisma');

type Bindings = typeof EngineBindings;

let bindings: Promise<Bindings> | undefined;

function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bg = (await import(bgPath)) as Bindings & { __wbg_set_wasm: (w: unknown) => void };
    const bytes = await readFile(path.join(path.dirname(bgPath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg as never });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bg;
  })();
  return bindings;
}

const noFilters = { externalTables: [], externalEnums: [] };

async function createEngine(databaseUrl: string): Promise<SchemaEngine> {
  const { SchemaEngine: Engine } = await loadBindings();
  const schema = await readFile(schemaPath, 'utf8');
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  return Engine.new({ datamodels: [[schemaPath, schema]] }, () => {}, adapter);
}

/**
 * SQL that takes a database from schema `from` (or nothing) to schema `to`; empty when they agree.
 * The engine insists on a reachable database at start, though a diff of two files never queries it.
 */
export async function diffSchemas(from: string | null, to: string, databaseUrl: string): Promise<string> {
  const engine = await createEngine(databaseUrl);
  try {
    const target = (content: string) => ({
      tag: 'schemaDatamodel' as const,
      files: [{ path: schemaPath, content }],
    });
    const result = await engine.diff({
      from: from === null ? { tag: 'empty' } : target(from),
      to: target(to),
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    const sql = result.stdout ?? '';
    return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? '' : sql;
  } finally {
    engine.free();
  }
}
