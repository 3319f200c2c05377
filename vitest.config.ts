import { defineConfig } from 'vitest/config';

// Suites under test/api and test/store talk to a database: they run once per store (PGlite and PostgreSQL).
// Everything else (conformance, validation, IG, FHIRPath...) runs once. test/reliability has its own config
// (vitest.reliability.config.ts, `npm run test:reliability`).
const storeSuites = ['test/api/**/*.test.ts', 'test/store/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...storeSuites, 'test/reliability/**'] } },
      { extends: true, test: { name: 'pglite', include: storeSuites, env: { STORE: 'pglite' } } },
      { extends: true, test: { name: 'postgres', include: storeSuites, env: { STORE: 'postgres' } } },
    ],
  },
});
