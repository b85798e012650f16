/** The model's input columns before and after, as scikit-learn's get_feature_names_out names them. */
import { memo } from 'react';
import type { FeResult } from './model';

export const FeatureNames = memo(function FeatureNames({ r }: { r: FeResult }) {
  const polyNames = r.kind === 'boundary' ? r.polyNames : undefined;
  const codes = r.case === 'category' && r.kind === 'xy' ? r.xTickLabels : undefined;
  return (
    <section aria-label="Feature columns">
      <dl className="fe-names" data-testid="fe-names">
        <dt>Before</dt>
        <dd data-testid="fe-names-before">
          {r.before.features.join(', ')}
          {codes && ` (label codes: ${codes.map((c, k) => `${c} = ${k}`).join(', ')})`}
        </dd>
        <dt>After</dt>
        <dd data-testid="fe-names-after">{r.after.features.join(', ')}</dd>
        {polyNames && (
          <>
            <dt>PolynomialFeatures</dt>
            <dd data-testid="fe-names-poly">{polyNames.join(', ')}</dd>
          </>
        )}
      </dl>
      {polyNames && <p className="ctl-help">The column “1” is the model’s intercept, so it is not passed twice.</p>}
    </section>
  );
});
