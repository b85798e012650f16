// Runs the k-means timing files (they print figures and assert nothing; never part of `npm test`):
// `npx vitest run --config src/panels/k-means/timing.config.mjs` (ENGINE=tf|js, BACKEND=wasm|cpu, RUNS=9).
export default { test: { include: ['src/panels/k-means/*.timing.ts'], environment: 'node', testTimeout: 600_000 } };
