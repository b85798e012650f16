/* The gallery: all six splitters on the same samples, side by side, with one legend. */
import { Legend } from '../../lib/plot/Legend';
import { TITLE_STYLE } from '../../lib/plot/theme';
import type { CvData } from './data';
import type { SchemeSplits } from './model';
import { CLASS0_MARK, CLASS1_MARK, groupColor, TEST, TRAIN, UNUSED } from './look';
import type { Scheme } from './params';
import { SplitGrid } from './SplitGrid';

export function SplitGallery({ gallery, data, scheme, onPick }: { gallery: SchemeSplits[]; data: CvData; scheme: Scheme; onPick(s: Scheme): void }) {
  return (
    <section className="plot-wide" aria-label="Gallery of splitters">
      <h3 style={TITLE_STYLE}>Six ways to split the same {data.n} samples (pick one to score it)</h3>
      <Legend
        items={[
          { color: TRAIN, label: 'train' },
          { color: TEST, label: 'test' },
          { color: UNUSED, label: 'not used in this split' },
          { color: CLASS1_MARK, label: 'class 1' },
          { color: CLASS0_MARK, label: 'class 0' },
          { color: groupColor(0), label: 'group: one colour each' },
        ]}
      />
      <p className="ctl-help" style={{ marginBottom: 'var(--s2)' }}>
        Columns are samples in time order (the time strip runs from dark blue, early, to yellow, late); rows are splits.
      </p>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 260px), 1fr))', gap: 'var(--s3)' }}>
        {gallery.map((s) => (
          <SplitGrid key={s.scheme} s={s} data={data} selected={s.scheme === scheme} onSelect={() => onPick(s.scheme)} />
        ))}
      </div>
    </section>
  );
}
