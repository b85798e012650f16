/**
 * THE list of panels that exist. Adding a panel: create src/panels/<slug>/ with a `panel.ts`
 * default-exporting a PanelModule, then add one line here. Loaders are dynamic imports, so each
 * panel (and tfjs, for panels that use it) is its own lazily loaded chunk.
 */
import type { PanelModule } from '../lib/panel/types';
import { QUESTIONS, type Question } from './questions';

type Loader = () => Promise<{ default: PanelModule }>;

const LOADERS: Partial<Record<string, Loader>> = {
  'bias-variance': () => import('./bias-variance/panel') as Promise<{ default: PanelModule }>,
  // 'gradient-descent': () => import('./gradient-descent/panel') as Promise<{ default: PanelModule }>,
};

export interface RegistryEntry extends Question {
  load?: Loader;
}

export const REGISTRY: readonly RegistryEntry[] = QUESTIONS.map((q) => ({ ...q, load: LOADERS[q.slug] }));

/** Panels that exist, in question order: what previous/next navigation walks. */
export const BUILT: readonly RegistryEntry[] = REGISTRY.filter((e) => e.load);

export function findEntry(slug: string): RegistryEntry | undefined {
  return REGISTRY.find((e) => e.slug === slug);
}
