import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // The CLI does not read .env; an empty URL keeps `prisma generate` working when none is set.
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
