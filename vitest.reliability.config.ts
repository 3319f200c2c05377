import { defineConfig } from 'vitest/config';

// `npm run test:reliability`: the mutation fuzzer, kill -9 crash consistency and the 50-client soak (test/reliability).
// Kept apart from the ordinary projects: they are long, and the server-process suites start their own servers on
// both stores. Files run one after another, so the timings they print are not skewed by each other.
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    testTimeout: 900_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
