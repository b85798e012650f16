/**
 * THE list of panels. The questions come from questions.ts; a question has a panel when its
 * folder has a `panel.ts` default-exporting a PanelModule. Vite's import.meta.glob finds them at
 * build time, each as its own lazily loaded chunk (tfjs too, for panels that use it), so adding a
 * panel touches only its own folder.
 */
import type { PanelModule } from '../lib/panel/types';
import { startEarly, type EarlyWorkers } from '../lib/worker/early';
import { QUESTIONS, type Question } from './questions';

type Loader = () => Promise<{ default: PanelModule }>;

// Only Vite (and vitest) understand import.meta.glob; the Playwright specs, which run in plain
// Node, learn which panels exist from the folders on disk instead (e2e/registry.ts).
const modules = import.meta.glob('./*/panel.ts') as Record<string, Loader>;

// A panel's `worker.ts` may export `early`, the workers to start before its view loads
// (lib/worker/early.ts): found the same way as panel.ts. Bundled with the app (each is a few
// hundred bytes: worker factories), so a link's workers start while the page script runs
// instead of after one more round trip for a chunk (issue 8, link opens).
const workerModules = import.meta.glob('./*/worker.ts', { import: 'early', eager: true }) as Record<string, EarlyWorkers | undefined>;

function loaderFor(slug: string): Loader | undefined {
  return modules[`./${slug}/panel.ts`];
}

function starterFor(slug: string): (() => Promise<void>) | undefined {
  if (!(`./${slug}/worker.ts` in workerModules)) return undefined;
  const early = workerModules[`./${slug}/worker.ts`];
  return async () => startEarly(early, new URLSearchParams(location.search));
}

export interface RegistryEntry extends Question {
  load?: Loader;
  /** Starts the panel's early workers (its worker.ts), if it has any. */
  startWorkers?: () => Promise<void>;
}

export const REGISTRY: readonly RegistryEntry[] = QUESTIONS.map((q) => ({ ...q, load: loaderFor(q.slug), startWorkers: starterFor(q.slug) }));

/** Panels that exist, in question order: what previous/next navigation walks. */
export const BUILT: readonly RegistryEntry[] = REGISTRY.filter((e) => e.load);

export function findEntry(slug: string): RegistryEntry | undefined {
  return REGISTRY.find((e) => e.slug === slug);
}
