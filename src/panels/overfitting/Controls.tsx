/** The panel's controls, grouped: data, network, training, regularisation, comparison. */
import type { ReactNode } from 'react';
import { ParamControl } from '../../lib/controls/ParamControl';
import { SeedButton } from '../../lib/controls/SeedButton';
import type { OverfitParams } from './params';
import { store } from './store';

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="of-group" aria-label={title}>
      <h4 className="of-group-title">{title}</h4>
      <div className="controls">{children}</div>
    </section>
  );
}

export function Controls({ params }: { params: OverfitParams }) {
  const c = (name: keyof OverfitParams & string) => <ParamControl store={store} name={name} />;
  return (
    <>
      <Group title="Data">
        {c('n')}
        {c('noise')}
        {c('dataset')}
        <SeedButton seed={params.seed} max={store.schema.seed.max} onChange={(s) => store.getState().set('seed', s)} />
      </Group>
      <Group title="Regularisation">
        {c('dropout')}
        {c('jitter')}
        {c('useL2')}
        {params.useL2 && c('l2')}
        {c('earlyStop')}
        {params.earlyStop && c('patience')}
      </Group>
      <Group title="Network">
        {c('width')}
        {c('depth')}
        {c('taper')}
        {c('features')}
        {c('activation')}
      </Group>
      <Group title="Training and comparison">
        {c('optimizer')}
        {c('lr')}
        {c('compare')}
        {c('engine')}
      </Group>
    </>
  );
}
