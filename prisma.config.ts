import { defineConfig } from 'prisma/config';

// The URL is read from the environment directly: Prisma's env() helper throws when it is unset,
// which would break `prisma generate` on the embedded default.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/dnevnik' },
});
