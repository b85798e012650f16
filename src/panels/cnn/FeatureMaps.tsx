/**
 * Every layer's output for the input image: the first convolution's maps (after ReLU), their
 * pooling, the second convolution's maps and their pooling, one small canvas per filter. One
 * colour scale per layer (0 to the layer's largest value), so brighter means "this filter fired
 * more" across the maps of a layer. And the first layer's learned kernels, in RdBu.
 */
import { memo } from 'react';
import { PixelCanvas } from './PixelCanvas';
import { maxAbs, num, reluPalette, signedPalette } from './look';
import type { Inspection } from './net.tf';
import { FigureMenu } from '../../lib/export/FigureMenu';

interface Layer {
  name: string;
  maps: number[][];
  side: number;
  cell: number;
}

function LayerRow({ name, maps, side, cell }: Layer) {
  const hi = Math.max(0, ...maps.map((m) => Math.max(0, ...m)));
  const palette = reluPalette(hi);
  return (
    <div className="cnn-layer">
      <div className="cnn-layer-name">
        {name} <span className="ctl-help">{maps.length} × {side}×{side}, max {num(hi)}</span>
      </div>
      <div className="cnn-maps">
        {maps.map((m, i) => (
          <PixelCanvas key={i} values={m} h={side} w={side} cell={cell} palette={palette} label={`${name}, map ${i + 1}`} />
        ))}
      </div>
    </div>
  );
}

export const FeatureMaps = memo(function FeatureMaps({ inspect, scale }: { inspect: Inspection; scale: number }) {
  const s = (px: number) => Math.max(1, Math.round(px * scale));
  return (
    <figure className="cnn-fig cnn-wide" aria-label="Feature maps of every layer for the input image" style={{ position: 'relative' }}>
      <figcaption className="cnn-fig-title" style={{ paddingRight: '3.5em' }}>Feature maps of every layer for this image</figcaption>
      <FigureMenu plotTitle="Feature maps" />
      <LayerRow name="Conv 1 + ReLU" maps={inspect.conv1} side={16} cell={s(4)} />
      <LayerRow name="Max-pool 1" maps={inspect.pool1} side={8} cell={s(4)} />
      <LayerRow name="Conv 2 + ReLU" maps={inspect.conv2} side={8} cell={s(4)} />
      <LayerRow name="Max-pool 2" maps={inspect.pool2} side={4} cell={s(4)} />
      <p className="ctl-help">Dark: 0 (ReLU cut it off); yellow: the layer’s largest value. The last maps, flattened, feed the dense layer.</p>
    </figure>
  );
});

export const FirstKernels = memo(function FirstKernels({ kernels }: { kernels: number[][] }) {
  const palette = signedPalette(Math.max(...kernels.map(maxAbs)));
  return (
    <figure className="cnn-fig" aria-label="The first layer's kernels" style={{ position: 'relative' }}>
      <figcaption className="cnn-fig-title" style={{ paddingRight: '3.5em' }}>Layer 1 kernels (3×3)</figcaption>
      <FigureMenu plotTitle="Layer 1 kernels" />
      <div className="cnn-maps">
        {kernels.map((k, i) => (
          <PixelCanvas key={i} values={k} h={3} w={3} cell={12} palette={palette} label={`Kernel ${i + 1}: ${k.map((v) => num(v, 2)).join(', ')}`} />
        ))}
      </div>
      <p className="ctl-help">Blue positive, red negative weights.</p>
    </figure>
  );
});
