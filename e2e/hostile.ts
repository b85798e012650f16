/**
 * The hostile-link generators now live in src/lib/params/hostile.ts, shared with the unit link
 * fuzzer (src/panels/linkFuzz.test.ts); this re-export keeps e2e imports short.
 */
export { HOSTILE_KEYS, HOSTILE_VALUES, INJECTIONS, edgeQuery, fuzzRng, hostileQuery, injectionQuery } from '../src/lib/params/hostile';
