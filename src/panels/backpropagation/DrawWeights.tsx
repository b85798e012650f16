/** Draws new initial weights from the next seed (deterministic, like lib's SeedButton), writing seed and weights together so the link holds both. */
import { SEED_MAX } from '../../lib/params/schema';
import { drawWeights } from './params';
import { store } from './store';

export function DrawWeights({ seed }: { seed: number }) {
  const next = (Math.imul(seed + 1, 2654435761) >>> 0) % (SEED_MAX + 1);
  return (
    <div className="ctl ctl-seed">
      <span className="ctl-label">
        <span>Seed</span>
        <output className="ctl-value">{seed}</output>
      </span>
      <button type="button" data-testid="new-seed" onClick={() => store.getState().setMany({ seed: next, ...drawWeights(next) })}>
        Draw new weights
      </button>
    </div>
  );
}
