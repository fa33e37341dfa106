import { defineConfig } from 'prisma/config';

// Only `prisma generate` uses this file; migrations are applied by `stocktake migrate` (DESIGN decision 2).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
