/**
 * The registry as the e2e specs see it. The app finds panels with Vite's import.meta.glob, which
 * does not exist in Node; here a question has a panel when src/panels/<slug>/panel.ts exists.
 * E2E_PANELS=slug1,slug2 narrows the run to some panels.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { QUESTIONS, type Question } from '../src/panels/questions';

export interface E2EEntry extends Question {
  built: boolean;
  /** The panel steps through an algorithm with the shared player (lib/panel/PlayerBar). */
  iterates: boolean;
  /** Whether the panel uses tfjs depends on its params (panel.ts: `usesTf: (p) => …`): it then
   *  needs a TF_QUERY entry, or its tfjs path would meet no tensor or lost-context check. */
  tfDependsOnParams: boolean;
  /** panel.ts says `usesTf: false`: no tfjs for any params, so no WebGL context to lose. */
  tfNever: boolean;
}

const only = process.env.E2E_PANELS?.split(',').filter(Boolean);
const folder = (slug: string) => new URL(`../src/panels/${slug}/`, import.meta.url);

/** Read from the panel's source, so a panel that adopts the player is stepped the same day; the
 *  stepper spec then checks on the page that the player is really there, and the generic spec
 *  that a panel showing a player is listed here. */
function usesPlayer(slug: string): boolean {
  const dir = folder(slug);
  if (!existsSync(dir)) return false;
  return readdirSync(dir)
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
    .some((f) => /\bPlayerBar\b/.test(readFileSync(new URL(f, dir), 'utf8')));
}

function tfDependsOnParams(slug: string): boolean {
  const file = new URL('panel.ts', folder(slug));
  return existsSync(file) && /\busesTf:\s*(\(|function\b|[\w$]+\s*=>)/.test(readFileSync(file, 'utf8'));
}

function tfNever(slug: string): boolean {
  const file = new URL('panel.ts', folder(slug));
  return existsSync(file) && /\busesTf:\s*false\b/.test(readFileSync(file, 'utf8'));
}

export const ALL: readonly E2EEntry[] = QUESTIONS.map((q) => ({
  ...q,
  built: existsSync(new URL('panel.ts', folder(q.slug))),
  iterates: usesPlayer(q.slug),
  tfDependsOnParams: tfDependsOnParams(q.slug),
  tfNever: tfNever(q.slug),
}));

export const BUILT: readonly E2EEntry[] = ALL.filter((q) => q.built);
export const UNDER_TEST: readonly E2EEntry[] = BUILT.filter((q) => !only || only.includes(q.slug));

/** The link on which a panel shows its player, when the default one does not. */
export const STEPPER_QUERY: Readonly<Record<string, string>> = {
  attention: 'mode=trained',
};

/** The link that puts a panel's tfjs code path on, when its default link computes without tfjs
 *  (panel.ts usesTf as a function of the params): the tensor-count and lost-WebGL checks open
 *  these, so every tfjs path meets them. The generic spec checks that every panel whose usesTf
 *  depends on its params is listed here, and on the page that the link does turn tfjs on
 *  (data-uses-tf). */
export const TF_QUERY: Readonly<Record<string, string>> = {
  attention: 'mode=trained',
  cnn: 'mode=network',
  'bias-variance': 'engine=tf',
};

/** The pairs that put a panel's text params on screen: the browser fuzzer's injection link puts
 *  script-running payloads into the text params (found in the schema) with these. */
export const TEXT_SETUP: Readonly<Record<string, string>> = {
  attention: 'sentence=custom',
  embeddings: 'corpus=custom',
  'k-means': 'init=manual',
  'learning-paradigms': 'mode=reinforcement',
};
