/**
 * Kernel mode: one 3×3 filter slid over the input. The input (with its padding and the taps the
 * kernel covers now), the kernel, the output map and its pooling, all at the same cell size so
 * the sizes compare at a glance; the multiply-add at the current position; the output-size
 * formula with the numbers. The position is the player's step (in the link). Plain float64 JS on
 * the page: a 16×16 convolution costs microseconds.
 */
import { useMemo, type ReactNode } from 'react';
import { ParamControl } from '../../lib/controls/ParamControl';
import { Readout } from '../../lib/controls/Readout';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { PlayerBar } from '../../lib/panel/PlayerBar';
import { useAfterPaint } from '../../lib/panel/useAfterPaint';
import { usePlayer } from '../../lib/panel/usePlayer';
import { changedSettings } from '../../lib/params/describe';
import { useSize } from '../../lib/plot/useSize';
import { computeKernelView, grid, outSize, receptiveField } from './model';
import { SIZE } from './modelDigits';
import { inkPalette, maxAbs, signedPalette, CELL_COLOR, WINDOW_COLOR, type Palette } from './look';
import { PixelCanvas, type Mark } from './PixelCanvas';
import { KernelEditor } from './KernelEditor';
import { MultiplyAdd } from './MultiplyAdd';
import { InputPicker } from './InputPicker';
import { SizeFormula } from './SizeFormula';
import { kernelRows } from './readout';
import { store } from './store';
import { useDrawing, useInputImage } from './useInputImage';
import { FigureMenu } from '../../lib/export/FigureMenu';

const SPEEDS = [1, 2, 5, 10, 30, 100] as const;

function Figure({ title, note, children }: { title: string; note?: ReactNode; children: ReactNode }) {
  return (
    <figure className="cnn-fig">
      <figcaption className="cnn-fig-title">{title}</figcaption>
      {children}
      {note && <p className="ctl-help">{note}</p>}
      <FigureMenu plotTitle={title} placement="below" />
    </figure>
  );
}

export function KernelView({ modeSwitch }: { modeSwitch: ReactNode }) {
  const live = usePanelParams(store);
  const params = useAfterPaint(live);
  const image = useInputImage(params);
  const draw = useDrawing(image);
  const { k, stride, pad, dil, pool, psize, pstride, pos } = params;
  const r = useMemo(
    () => computeKernelView({ image: grid(SIZE, SIZE, image.pixels), kernel: k, stride, pad, dil, pos, poolKind: pool, poolSize: psize, poolStride: pstride }),
    [image, k, stride, pad, dil, pos, pool, psize, pstride],
  );
  const set = store.getState();
  const player = usePlayer({
    shown: r.pos,
    set: (s) => set.set('pos', s),
    max: Math.max(0, r.positions - 1),
    unit: 'position',
    speeds: SPEEDS,
    speed: 10,
    busy: params !== live,
  });
  const { ref: sizeRef, width } = useSize<HTMLDivElement>(600);
  // One cell size for input, output and pooled map, so their sizes compare; three maps side by side when they fit.
  const across = SIZE + 2 * pad + r.out.w + r.pooled.w;
  // On a phone the pooled map wraps below: the input and the output share the width.
  const three = Math.floor((width - 80) / across);
  const cell = Math.max(6, Math.min(16, three >= 9 ? three : Math.floor((width - 40) / (SIZE + 2 * pad + r.out.w))));

  const plots = useMemo(() => {
    const marks: Mark[] = r.terms.map((t) => ({ r: t.r, c: t.c, color: WINDOW_COLOR }));
    const span = receptiveField(3, dil);
    if (r.row >= 0 && dil > 1) marks.push({ r: r.row * stride - pad, c: r.col * stride - pad, h: span, w: span, color: WINDOW_COLOR, dashed: true });
    const outPalette: Palette = signedPalette(maxAbs(r.out.data));
    const here: Mark[] = r.row >= 0 ? [{ r: r.row, c: r.col, color: CELL_COLOR }] : [];
    return (
      <div className="cnn-kernel-plots">
        <div className="cnn-row" ref={sizeRef}>
          <Figure title={`Input ${SIZE}×${SIZE}${pad ? ` + padding ${pad}` : ''}`}>
            <PixelCanvas values={image.pixels} h={SIZE} w={SIZE} pad={pad} cell={cell} palette={inkPalette} marks={marks} onStroke={draw} testId="input-canvas"
              label={`Input image, ${image.name}; the kernel covers the outlined cells`} />
          </Figure>
          <Figure title={`Output ${r.out.h}×${r.out.w}`} note="blue > 0, red < 0">
            <PixelCanvas values={r.out.data} h={r.out.h} w={r.out.w} cell={cell} palette={outPalette} marks={here} testId="output-canvas"
              label={`Filter output, ${r.out.h} by ${r.out.w}; the current position is outlined`} />
          </Figure>
          <Figure title={`${pool === 'max' ? 'Max' : 'Average'} pooled ${r.pooled.h}×${r.pooled.w}`} note={`window ${psize}, stride ${pstride}`}>
            <PixelCanvas values={r.pooled.data} h={r.pooled.h} w={r.pooled.w} cell={cell} palette={outPalette} testId="pooled-canvas"
              label={`${pool === 'max' ? 'Max' : 'Average'} pooled output, ${r.pooled.h} by ${r.pooled.w}`} />
          </Figure>
        </div>
        <div className="cnn-row cnn-row-text">
          <MultiplyAdd terms={r.terms} row={r.row} col={r.col} value={r.value} h={SIZE} w={SIZE} />
          <SizeFormula n={SIZE} p={pad} d={dil} s={stride} out={r.out.w} pool={{ n: r.out.w, k: psize, s: pstride, out: r.pooled.w }} />
        </div>
      </div>
    );
  }, [r, image, pad, dil, stride, pool, psize, pstride, cell, draw, sizeRef]);

  const empty = outSize(SIZE, 3, stride, pad, dil) === 0;
  return (
    <PanelLayout
      summary={<>{modeSwitch}<span>A 3×3 filter slides over a {SIZE}×{SIZE} image; each output is one multiply-add.</span></>}
      notes={[image.problem && `The link’s drawing was repaired: ${image.problem}.`, empty && 'The dilated kernel is wider than the padded input: there is no output.']}
      notesKind="info"
      player={<PlayerBar player={player} label={r.row >= 0 ? `row ${r.row}, column ${r.col}` : undefined} />}
      readout={<Readout busy={params !== live} computing={changedSettings(store.schema, params, live, ['pos'])} rows={kernelRows(params, r)} />}
      controls={
        <>
          <KernelEditor k={live.k} />
          <ParamControl store={store} name="stride" />
          <ParamControl store={store} name="pad" />
          <ParamControl store={store} name="dil" />
          <ParamControl store={store} name="pool" />
          <ParamControl store={store} name="psize" />
          <ParamControl store={store} name="pstride" />
          <InputPicker params={live} image={image} />
        </>
      }
    >
      {plots}
    </PanelLayout>
  );
}
