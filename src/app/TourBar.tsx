/**
 * The tour of a panel's "Try this" experiments (issue 14): one at a time, previous / next, with
 * the current one in the link (`tour=N`), so a study group can walk them together. Each step
 * opens the experiment's link, as clicking it in the list does.
 */
import { useLocation } from 'wouter';
import type { Experiment } from '../lib/panel/types';
import { extrasQuery, type LinkExtras } from '../lib/params/extras';

interface Props {
  experiments: readonly Experiment[];
  extras: LinkExtras;
  /** The query of experiment i (0-based), panel params only. */
  queryOf: (i: number) => string;
  slug: string;
  setExtras: (x: LinkExtras) => void;
}

export function TourBar({ experiments, extras, queryOf, slug, setExtras }: Props) {
  const [, navigate] = useLocation();
  const n = experiments.length;
  const go = (k: number) => navigate(`/${slug}/?${queryOf(k - 1)}${extrasQuery({ ...extras, tour: k })}`);
  if (extras.tour === 0) return null;
  const k = extras.tour;
  const x = experiments[k - 1];
  return (
    <section className="tour" aria-label="Tour of the experiments" data-testid="tour">
      <div className="tour-row">
        <h2 className="tour-title" data-testid="tour-title">
          <span className="tour-count">
            Try this {k} of {n}
          </span>{' '}
          {x.title}
        </h2>
        <div className="tour-actions">
          <button type="button" disabled={k <= 1} onClick={() => go(k - 1)} data-testid="tour-prev">
            ← Previous
          </button>
          <button type="button" disabled={k >= n} onClick={() => go(k + 1)} data-testid="tour-next">
            Next →
          </button>
          <button type="button" onClick={() => setExtras({ ...extras, tour: 0 })} data-testid="tour-end">
            End tour
          </button>
        </div>
      </div>
      <p className="tour-notice">{x.notice}</p>
    </section>
  );
}

/** The button that starts the tour at the first experiment. */
export function TourStart({ slug, queryOf, note, count }: { slug: string; queryOf: (i: number) => string; note: string; count: number }) {
  const [, navigate] = useLocation();
  if (count === 0) return null;
  return (
    <button type="button" className="tour-start" onClick={() => navigate(`/${slug}/?${queryOf(0)}${extrasQuery({ embed: false, note, tour: 1 })}`)} data-testid="tour-start">
      Take the tour ({count} steps)
    </button>
  );
}
