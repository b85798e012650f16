/** The 13 parameters as number fields, laid out as the matrices they are: W1 3×2 beside b1, then W2 and b2. */
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { NumberField } from './NumberField';
import { paramLabel, paramRole } from './look';
import { WEIGHT_MAX } from './params';
import { store } from './store';

export function WeightFields() {
  const p = usePanelParams(store);
  const set = store.getState().set;
  const field = (k: number, value: number, commit: (v: number) => void) => (
    <NumberField key={k} value={value} min={-WEIGHT_MAX} max={WEIGHT_MAX} label={paramLabel(k)} title={`${paramLabel(k)}, the ${paramRole(k)}`} onCommit={commit} testId={`w-${k}`} />
  );
  const putVec = (name: 'W1' | 'b1' | 'W2', i: number) => (v: number) => {
    const next = [...p[name]];
    next[i] = v;
    set(name, next);
  };
  return (
    <fieldset className="ctl bp-weights">
      <legend className="ctl-label">Initial weights (from −{WEIGHT_MAX} to {WEIGHT_MAX})</legend>
      <div className="bp-wgrid">
        {[0, 1, 2].map((j) => (
          <div key={j} className="bp-wrow">
            {field(2 * j, p.W1[2 * j], putVec('W1', 2 * j))}
            {field(2 * j + 1, p.W1[2 * j + 1], putVec('W1', 2 * j + 1))}
            {field(6 + j, p.b1[j], putVec('b1', j))}
          </div>
        ))}
        <div className="bp-wrow">
          {[0, 1, 2].map((j) => field(9 + j, p.W2[j], putVec('W2', j)))}
        </div>
        <div className="bp-wrow">{field(12, p.b2, (v) => set('b2', v))}</div>
      </div>
      <p className="ctl-help">Updates start from these; the link carries them.</p>
    </fieldset>
  );
}
