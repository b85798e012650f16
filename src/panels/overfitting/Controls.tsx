/** The panel's controls, grouped: data, network, training, regularisation, comparison. */
import type { ReactNode } from 'react';
import { ParamControl } from '../../lib/controls/ParamControl';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Select } from '../../lib/controls/Select';
import type { OverfitParams } from './params';
import { store } from './store';
import { CsvInput } from '../../lib/data/CsvInput';
import { ownDataParam, resolveOwnData } from '../../lib/data/ownData';
import { OWN_KEY, OWN_REQUEST } from './data';

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="of-group" aria-label={title}>
      <h4 className="of-group-title">{title}</h4>
      <div className="controls">{children}</div>
    </section>
  );
}

/** Batch sizes offered below n (TensorFlow Playground's slider runs from 1 to 30; larger sets get more). */
const BATCHES = [1, 2, 5, 10, 16, 25, 32, 50, 64, 100, 128, 250] as const;
const WHOLE = 'all';

/**
 * The batch size as a list rather than a 1–1000 slider (on which 10 is a few pixels from 1): the
 * sizes below n with their updates per epoch, and "the whole set", which stores the schema's
 * maximum so that B with 4× the points is full batch too. A link's own value is kept as an option.
 */
function BatchControl({ params }: { params: OverfitParams }) {
  const spec = store.schema.batch;
  const { n, batch } = params;
  const value = batch >= spec.max ? WHOLE : String(batch);
  const sizes = [...new Set([...BATCHES.filter((b) => b < n), ...(value === WHOLE ? [] : [batch])])].sort((a, b) => a - b);
  const options = [...sizes.map(String), WHOLE];
  const labels: Record<string, string> = { [WHOLE]: `the whole set (${n}): one update per epoch` };
  for (const b of sizes) labels[String(b)] = b >= n ? `${b} (the whole set here)` : `${b}: ${Math.ceil(n / b)} updates per epoch`;
  return (
    <Select
      label={spec.label}
      value={value}
      options={options}
      optionLabels={labels}
      help="Points per update. Each epoch shuffles the training set and makes one update per batch."
      onChange={(v) => store.getState().set('batch', v === WHOLE ? spec.max : Number(v))}
      testId="ctl-batch"
    />
  );
}

export function Controls({ params }: { params: OverfitParams }) {
  const c = (name: keyof OverfitParams & string) => <ParamControl store={store} name={name} />;
  return (
    <>
      <Group title="Data">
        {c('n')}
        {params.dataset !== 'csv' && c('noise')}
        {c('dataset')}
        <SeedButton seed={params.seed} max={store.schema.seed.max} onChange={(s) => store.getState().set('seed', s)} />
        {params.dataset === 'csv' && (
          <CsvInput
            request={OWN_REQUEST}
            help="Each row is a point: columns x1, x2 and its class in label (0/1, or two values). At least 10 rows; 30% are held out for validation."
            current={resolveOwnData(OWN_KEY, params.csv, 3).data}
            onLoad={(d) => store.getState().setMany({ dataset: 'csv', csv: ownDataParam(OWN_KEY, d.columns) })}
            onBack={() => store.getState().setMany({ dataset: 'moons', csv: '' })}
          />
        )}
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
        <BatchControl params={params} />
        {c('compare')}
        {c('engine')}
      </Group>
    </>
  );
}
