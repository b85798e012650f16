// Lint, including the walls from DESIGN.md: pure code imports no React, DOM helpers, zustand or
// d3-selection; only designated modules import tfjs; no panel imports another; app/ reaches
// panels only through the registry.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const UI_LIBS = [
  { group: ['react', 'react-dom', 'react-dom/*', 'react/*'], message: 'Pure code must not import React.' },
  { group: ['zustand', 'zustand/*'], message: 'Pure code must not import zustand.' },
  { group: ['d3-selection', 'd3-transition', 'd3-axis', 'd3-brush', 'd3-zoom'], message: 'Pure code must not touch the DOM through d3.' },
  { group: ['**/*.tsx', '**/lib/plot/*', '**/lib/controls/*'], message: 'Pure code must not import views.' },
];
const TFJS = { group: ['@tensorflow/*', '**/lib/tf/tf'], message: 'Only lib/tf and panel model files import tfjs (reached by dynamic import).' };
const TIMERS = ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'queueMicrotask'];
const OTHER_PANEL = { regex: '^\\.\\./(?!\\.\\.)[^/]+/|/panels/[^/]+/', message: 'A panel never imports another panel: move shared code to src/lib.' };

export default tseslint.config(
  { ignores: ['scripts/.*.tmp.mjs', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', '.stryker-tmp*/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['scripts/**/*.mjs', '*.js', '*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-globals': ['error', { name: 'Math.random', message: 'Use lib/random.' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded generator in lib/random.' }],
    },
  },
  // Default for src: no tfjs outside designated modules.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/lib/tf/**', 'src/panels/*/model*.ts', 'src/panels/*/*.tf.ts', 'src/panels/*/bench.ts', 'src/bench/**', 'src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [TFJS] }] },
  },
  // Pure code: models, params, maths, random, data generators.
  {
    files: ['src/lib/math/**/*.ts', 'src/lib/random/**/*.ts', 'src/lib/params/schema.ts', 'src/lib/params/url.ts', 'src/panels/*/params.ts', 'src/panels/*/model*.ts', 'src/panels/*/*.tf.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...UI_LIBS, OTHER_PANEL] }] },
  },
  {
    files: ['src/panels/*/*.tsx', 'src/panels/*/*.ts'],
    ignores: ['src/panels/*/model*.ts', 'src/panels/*/params.ts', 'src/panels/*/*.tf.ts', 'src/panels/*/bench.ts', 'src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [TFJS, OTHER_PANEL] }] },
  },
  // Run-time machinery lives in src/lib (lib/panel: the player, frame loops, incremental runs,
  // yieldToBrowser): panels never schedule timers or animation frames themselves.
  {
    files: ['src/panels/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Math.random', message: 'Use lib/random.' },
        ...TIMERS.map((name) => ({ name, message: `Panels do not schedule work themselves: use lib/panel (usePlayer, useFrameLoop, useIncremental, schedule.ts) instead of ${name}.` })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded generator in lib/random.' },
        ...TIMERS.flatMap((property) => ['window', 'globalThis', 'self'].map((object) => ({ object, property, message: 'Panels do not schedule work themselves: use lib/panel.' }))),
      ],
    },
  },
  // The shell sees panels only through the registry.
  {
    files: ['src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [TFJS, { group: ['../panels/*/*'], message: 'app/ reaches panels only through panels/registry.ts.' }] }],
    },
  },
);
