/** Draws a new seed from the current one (deterministic, so no Math.random is needed). */
import { SEED_MAX } from '../params/schema';
export function SeedButton({ seed, onChange, max = SEED_MAX }: { seed: number; onChange(s: number): void; max?: number }) {
  // A fixed odd multiplier walks through all seeds; the sequence of "new data" clicks is itself reproducible.
  const next = (Math.imul(seed + 1, 2654435761) >>> 0) % (max + 1);
  return (
    <div className="ctl ctl-seed">
      <span className="ctl-label">
        <span>Seed</span>
        <output className="ctl-value">{seed}</output>
      </span>
      <button type="button" onClick={() => onChange(next)} data-testid="new-seed">
        New random data
      </button>
    </div>
  );
}
