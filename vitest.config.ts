import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // suites that build a projection once in beforeAll, on a loaded machine
    hookTimeout: 60_000,
  },
});
