// @ts-check
/**
 * Mutation testing with StrykerJS: `npm run test:mutation` (not part of `npm test`; it takes long).
 * Stryker changes the pure code on purpose, one small change ("mutant") at a time, and runs the
 * unit tests that cover it (perTest coverage); a mutant that no test notices survives. The
 * score is killed / (all − ignored). README "Mutation testing" lists the survivors and why they
 * are left. One panel at a time (its model files):
 *   npm run test:mutation -- --mutate 'src/panels/k-means/model*.ts'
 * Reports: reports/mutation/index.html and mutation.json (gitignored), and a table on stdout.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
// STRYKER_TAG=x keeps a run's sandbox and reports apart (.stryker-tmp-x, reports/mutation-x), so
// two runs can share the checkout.
const tag = process.env.STRYKER_TAG ? `-${process.env.STRYKER_TAG.replace(/[^\w-]/g, '')}` : '';

export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: [
    // The panels' models: pure TypeScript (and tfjs), no React, no DOM.
    'src/panels/*/model*.ts',
    // Pure parts split out of a model (stop 24): ml-workflow's cross-validation stage, the random
    // forest's running scores and its plane permutation, learning-paradigms' worker jobs.
    'src/panels/ml-workflow/cv.ts',
    'src/panels/random-forest/tally.ts',
    'src/panels/random-forest/planePermutation.ts',
    'src/panels/learning-paradigms/jobs.ts',
    // Stop 25: cross-validation's leak demo and bagging-boosting's frame in halves; which of a
    // forest's progress views the page draws; missing-data's fast fills.
    'src/panels/cross-validation/leakParts.ts',
    'src/panels/bagging-boosting/halves.ts',
    'src/panels/random-forest/quietProgress.ts',
    'src/panels/missing-data/fastFills.ts',
    'src/lib/worker/throttledProgress.ts',
    // Stop 26: missing-data's iterative imputer from the filled table; the worker kit's paint hold.
    'src/panels/missing-data/fastIterative.ts',
    'src/lib/worker/paintHold.ts',
    // Stop 27: contour lines traced off the page (in a worker) and drawn from typed arrays; the
    // random forest's second worker; cross-validation's spread in halves and its grid comparison;
    // KaTeX markup kept per formula.
    'src/lib/contour/levels.ts',
    'src/lib/plot/contourPaths.ts',
    'src/panels/random-forest/permPart.ts',
    'src/panels/cross-validation/spreadParts.ts',
    'src/panels/cross-validation/sameGrid.ts',
    'src/panels/deployment/sweepHalves.ts',
    'src/lib/tex/markup.ts',
    // The kits' pure code: seeded randomness and data sets, the link codec and its hostile inputs,
    // number formatting, the LRU cache and the player's clock, the worker kit's channels,
    // slicing and transfer lists.
    'src/lib/random/*.ts',
    'src/lib/params/schema.ts',
    'src/lib/params/url.ts',
    'src/lib/format/*.ts',
    'src/lib/panel/cache.ts',
    'src/lib/panel/playerClock.ts',
    'src/lib/worker/channel.ts',
    'src/lib/worker/runChannel.ts',
    'src/lib/worker/sliced.ts',
    'src/lib/worker/transfer.ts',
    // Added this stop: the link extras (note, embed, tour), the own-data CSV parser and link codec,
    // the shared training loop and its Adam.
    'src/lib/params/extras.ts',
    'src/lib/data/csv.ts',
    'src/lib/data/linkData.ts',
    'src/lib/worker/checkpointedRun.ts',
    'src/lib/tf/adam.ts',
    // The learning kit (trees, forests, boosting, k-means, DBSCAN, kNN, imputers, metrics, …) and
    // the saved-model format.
    'src/lib/learn/*.ts',
    '!src/lib/learn/*.timing.ts',
    'src/lib/models/format.ts',
    '!src/**/*.test.ts',
    '!src/**/*.testutil.ts',
  ],
  // The machine is shared (2 cores): one test process; run it with `nice -n 10`.
  concurrency: 1,
  // Training tests take seconds; a mutant that makes one loop forever is a timeout (counted as
  // detected), after this much more than the test took unmutated.
  timeoutFactor: 3,
  timeoutMS: 10_000,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: `reports/mutation${tag}/index.html` },
  jsonReporter: { fileName: `reports/mutation${tag}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportTests: false },
  thresholds: { high: 90, low: 80, break: null },
  // The sandbox copy skips build outputs and reports.
  ignorePatterns: ['dist', 'test-results', 'playwright-report', 'reports', 'bench/results', '.stryker-tmp*'],
  tempDirName: `.stryker-tmp${tag}`,
  cleanTempDir: true,
};
