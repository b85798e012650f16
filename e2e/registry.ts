/**
 * The registry as the e2e specs see it. The app finds panels with Vite's import.meta.glob, which
 * does not exist in Node; here a question has a panel when src/panels/<slug>/panel.ts exists.
 * E2E_PANELS=slug1,slug2 narrows the run to some panels.
 */
import { existsSync } from 'node:fs';
import { QUESTIONS, type Question } from '../src/panels/questions';

export interface E2EEntry extends Question {
  built: boolean;
}

const only = process.env.E2E_PANELS?.split(',').filter(Boolean);

export const ALL: readonly E2EEntry[] = QUESTIONS.map((q) => ({
  ...q,
  built: existsSync(new URL(`../src/panels/${q.slug}/panel.ts`, import.meta.url)),
}));

export const BUILT: readonly E2EEntry[] = ALL.filter((q) => q.built);
export const UNDER_TEST: readonly E2EEntry[] = BUILT.filter((q) => !only || only.includes(q.slug));
