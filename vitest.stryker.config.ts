/**
 * The unit tests as StrykerJS runs them (stryker.config.mjs; `npm run test:mutation`): the same
 * tests as vitest.config.ts, less two kinds that test other things than the code mutated and take
 * minutes per mutant: the link fuzzing (1,000 links per panel through codec and store) and the
 * "Try this" texts (experiments.test.ts: every experiment's link run through its panel to check
 * the numbers its text quotes). The models and kits they reach have tests of their own.
 *
 * Stryker runs the tests in a copy of the repository, .stryker-tmp/sandbox-<id>/, where the tests'
 * `../shared/oracles` (one folder above the repository) would be .stryker-tmp/shared: this config
 * links that to the real shared/ beside the repository before any test runs.
 */
import { existsSync, symlinkSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config';

const root = dirname(fileURLToPath(import.meta.url));
const tmp = dirname(root);
if (basename(tmp).startsWith('.stryker-tmp')) {
  const shared = resolve(tmp, '..', '..', 'shared');
  const link = resolve(tmp, 'shared');
  if (existsSync(shared) && !existsSync(link)) {
    try {
      symlinkSync(shared, link, 'dir');
    } catch {
      // another test process made it meanwhile
    }
  }
}

// STRYKER_TESTS=glob,glob limits the run to those test files (e.g. one panel's). Prefer it to
// Stryker's --testFiles, which (Stryker 9.6) never switches on mutants of code that runs when a
// module loads, so they all "survive"; with a narrower include they are tested like the rest.
const only = process.env.STRYKER_TESTS?.split(',').filter(Boolean);

// Spread rather than mergeConfig, which would append to the base include instead of replacing it.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    // Instrumented code runs several times slower; a shared machine slows it again.
    testTimeout: 120_000,
    include: only?.length ? only : base.test?.include,
    exclude: [...configDefaults.exclude, 'src/panels/linkFuzz.test.ts', 'src/panels/*/experiments.test.ts'],
  },
});
