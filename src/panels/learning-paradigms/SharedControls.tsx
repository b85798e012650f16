/** The data controls every point-based mode shows after its own. */
import { ParamControl } from '../../lib/controls/ParamControl';
import { SeedButton } from '../../lib/controls/SeedButton';
import { store } from './store';

export function DataControls({ seed }: { seed: number }) {
  return (
    <>
      <ParamControl store={store} name="dataset" />
      <ParamControl store={store} name="n" />
      <ParamControl store={store} name="noise" />
      <SeedButton seed={seed} max={store.schema.seed.max} onChange={(s) => store.getState().set('seed', s)} />
    </>
  );
}
