import { defineConfig } from 'vitest/config';

// Unit tests only: Playwright specs live in e2e/ and must never be collected here.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
