import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit tests only: Playwright specs live in e2e/ and must never be collected here.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // Vitest's default in a run is one worker fewer than the cores: one worker on the 2-core CI
    // machine, which left a core idle for the unit stage (issue 8, suite time). The test files
    // are independent processes; nothing else runs beside the unit stage.
    maxWorkers: Math.max(availableParallelism(), 1),
  },
});
