/** The four kinds of feedback as one row of buttons above the plots: switching keeps the data. */
import { MODES, type Mode } from './params';
import { MODE_WORDS } from './look';
import { store } from './store';

export function ModeTabs({ mode }: { mode: Mode }) {
  return (
    <div className="lp-tabs" role="group" aria-label="Kind of feedback">
      {MODES.map((m) => (
        <button key={m} type="button" aria-pressed={m === mode} data-testid={`mode-${m}`} onClick={() => store.getState().set('mode', m)}>
          {MODE_WORDS[m]}
        </button>
      ))}
    </div>
  );
}
