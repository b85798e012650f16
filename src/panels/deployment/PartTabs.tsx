/** The panel's four parts as one row of buttons above the plots; switching keeps every setting. */
import { PARTS, PART_LABELS, type Part } from './params';
import { store } from './store';

export function PartTabs({ part }: { part: Part }) {
  return (
    <div className="dep-tabs" role="group" aria-label="Part of the panel">
      {PARTS.map((p) => (
        <button key={p} type="button" aria-pressed={p === part} data-testid={`part-${p}`} onClick={() => store.getState().set('part', p)}>
          {PART_LABELS[p]}
        </button>
      ))}
    </div>
  );
}
