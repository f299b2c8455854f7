import { defineConfig } from 'vitest/config';

// One config for unit, integration and component tests. Integration tests get a fresh database per
// file from test/helpers/test-database.ts; TEST_DATABASE_URL switches them from PGlite to a server.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.tsx', 'web/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
