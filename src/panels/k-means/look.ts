/** How the k-means panel looks and speaks: colours, names of moves and data sets. */
import { interpolateViridis } from 'd3';
import { categorical, MUTED } from '../../lib/plot/colors';
import { fmt } from '../../lib/format/format';
import type { KMFrame } from './compute';
import { schema, type DatasetName, type KMeansParams } from './params';

/** Colour of cluster j (Tableau10 in order, the same in every plot of the panel). */
export const clusterColor = (j: number) => categorical(j);
/** Points not yet assigned to any cluster. */
export const UNASSIGNED = MUTED;
/** Colour bins for the k-means++ probability map. */
export const PROB_BINS = 24;

/** Viridis for a D² probability, dark = likely on a light plot, bright = likely on a dark one;
 *  the unlikely end stops short of the colour that would vanish into the background. */
export function probColor(t: number, dark: boolean): string {
  return interpolateViridis(dark ? 0.18 + 0.82 * t : 0.88 * (1 - t));
}

const COUNT = new Intl.NumberFormat('en-US');
/** An integer with thousands separators ("100,000"); one shared formatter (toLocaleString makes
 *  a new one per call, which showed up in the step profile). */
export const count = (v: number) => COUNT.format(v);

export function datasetPhrase(p: Pick<KMeansParams, 'dataset' | 'groups'>, own = true): string {
  const g = p.groups;
  const phrases: Record<DatasetName, string> = {
    blobs: `${g} round blobs`,
    uneven: `${g} blobs of uneven size`,
    aniso: `${g} stretched blobs`,
    moons: 'two moons',
    outliers: `${g} blobs with 4% outliers`,
    // Without usable own data the panel shows round blobs (and says why).
    csv: own ? 'your CSV data' : `${g} round blobs, in place of your data`,
  };
  return phrases[p.dataset];
}

export const initLabel = (i: KMFrame['init']) => schema.init.optionLabels[i];

/** What the current half-move did, in a few words. */
export function moveTitle(r: KMFrame): string {
  switch (r.phase) {
    case 'seeding':
      return `k-means++ seeding: centre ${r.seeding!.picked} of ${r.k} picked`;
    case 'start':
      return 'Start: centres placed, nothing assigned yet';
    case 'assign':
      return r.converged ? `Assignment ${r.iteration}: no point changed cluster (converged)` : `Assignment, iteration ${r.iteration}`;
    case 'update':
      return `Update, iteration ${r.iteration}`;
  }
}

/** One sentence on what just happened. */
export function moveSentence(r: KMFrame): string {
  const s = r.snap;
  switch (r.phase) {
    case 'seeding': {
      const sd = r.seeding!;
      const how = sd.picked === 1 ? 'uniformly at random' : `with probability ${fmt(sd.lastPickProb ?? 0, 3)} (D² of that point over ΣD²)`;
      return `Centre ${sd.picked} was drawn ${how}. Colour shows each point’s chance of becoming centre ${sd.picked + 1}: proportional to its squared distance to the nearest centre so far.`;
    }
    case 'start':
      return r.seeding
        ? `All ${r.k} centres are placed; the last one was drawn with probability ${fmt(r.seeding.lastPickProb ?? 0, 3)}. Next: every point joins its nearest centre.`
        : 'Next: every point joins its nearest centre.';
    case 'assign':
      return r.converged
        ? 'Every point is already with its nearest centre, so the update would not move anything: this is a fixed point (a local minimum of inertia).'
        : `Each point joined its nearest centre (the shaded Voronoi regions): ${count(s!.moved)} point${s!.moved === 1 ? '' : 's'} ${r.iteration === 1 ? 'assigned' : 'changed cluster'}.`;
    case 'update':
      return `Each centre moved to the mean of its points (dashed: where it came from); the largest move was ${fmt(s!.shift, 3)}.`;
  }
}
