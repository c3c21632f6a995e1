// Brings a database up to date: migrations, then the seed.
import { createPrismaClient } from '@/lib/db/client';
import { seedDatabase, type SeedResult } from '@/prisma/seed';
import { applyMigrations } from './migrate';

export async function migrateAndSeed(
  url: string,
  options: { demo: boolean },
): Promise<{ applied: string[]; seed: SeedResult }> {
  const applied = await applyMigrations(url);
  const prisma = createPrismaClient(url);
  try {
    return { applied, seed: await seedDatabase(prisma, options) };
  } finally {
    await prisma.$disconnect();
  }
}

export function printSeedResult(seed: SeedResult): void {
  if (!seed.seededDemo) return;
  process.stderr.write(
    'factmark: seeded the demo newsroom. Demo accounts (sample data only — change or disable them):\n',
  );
  for (const u of seed.users)
    process.stderr.write(`  ${u.roles.join(',').toLowerCase().padEnd(9)} ${u.email}  password: ${u.password}\n`);
}
