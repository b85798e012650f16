/**
 * The 2-3-1 network as a graph. Forward pass: each node shows its values once the pass has
 * reached it, each edge its weight. Backward pass: each node shows δ = ∂L/∂z and each edge its
 * weight's gradient (∂) once the pass has reached it. Edge colour and width: the weight (RdBu, red negative). Clicking an
 * edge or a bias tag (or Enter on it) selects that parameter; the node being computed is ringed.
 */
import type { KeyboardEvent } from 'react';
import { signedColor } from '../../lib/plot/colors';
import { bwdStage, FWD_HIDDEN, FWD_LOSS, FWD_OUT, type Lesson } from './lesson';
import { flatten } from './model';
import { num, paramLabel, paramRole } from './look';
import { FigureMenu } from '../../lib/export/FigureMenu';

// Sized for the plot column at 1366 px (about 450 px wide): the text stays near its nominal size.
const W = 500, H = 350, R = 29;
const IN = [{ x: 40, y: 120 }, { x: 40, y: 240 }];
const HID = [{ x: 228, y: 62 }, { x: 228, y: 178 }, { x: 228, y: 294 }];
const OUT = { x: 382, y: 178 };
const LOSS = { x: 466, y: 178 };

export interface NetworkGraphProps {
  lesson: Lesson;
  onSelect(k: number): void;
}

const ACT_NAME = { sigmoid: 'σ', tanh: 'tanh', relu: 'ReLU' } as const;

/** Text with a halo in the background colour, readable over lines. */
function Halo({ x, y, children, anchor = 'middle', cls = '' }: { x: number; y: number; children: string; anchor?: 'start' | 'middle' | 'end'; cls?: string }) {
  return (
    <text x={x} y={y} textAnchor={anchor} className={`bp-halo ${cls}`}>
      {children}
    </text>
  );
}

export function NetworkGraph({ lesson: L, onSelect }: NetworkGraphProps) {
  const { stage, net, fwd, bwd, setup, selIndex } = L;
  const s = stage.s;
  const back = stage.phase === 'backward';
  const theta = flatten(net);
  const maxW = Math.max(1, ...theta.map(Math.abs));
  const gradShown = (k: number) => back && s >= bwdStage(k);
  const key = (k: number) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation(); // Space would also play the stepper
      onSelect(k);
    }
  };
  const pick = (k: number) => ({
    role: 'button',
    tabIndex: 0,
    'aria-label': `Select ${paramLabel(k)}, the ${paramRole(k)}`,
    'aria-pressed': selIndex === k,
    onClick: () => onSelect(k),
    onKeyDown: key(k),
    'data-testid': `edge-${k}`,
  });

  const edge = (k: number, a: { x: number; y: number }, b: { x: number; y: number }, t: number) => {
    const w = theta[k];
    const mx = a.x + (b.x - a.x) * t, my = a.y + (b.y - a.y) * t;
    const sel = selIndex === k;
    return (
      <g key={`e${k}`} className={sel ? 'bp-edge bp-selected' : 'bp-edge'} {...pick(k)}>
        {sel && <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} className="bp-edge-halo" />}
        <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke={signedColor(w, maxW)} strokeWidth={1.5 + (3.5 * Math.abs(w)) / maxW} />
        <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} className="bp-hit" />
        {gradShown(k) ? (
          <Halo x={mx} y={my + 4} cls="bp-grad">{`∂ ${num(bwd.grad[k], 3)}`}</Halo>
        ) : (
          <Halo x={mx} y={my + 4} cls="bp-weight">{sel ? `${paramLabel(k)} ${num(w, 3)}` : num(w, 3)}</Halo>
        )}
      </g>
    );
  };

  const biasTag = (k: number, x: number, y: number) => {
    const sel = selIndex === k;
    // Short, so the tag stays clear of the edge labels: the node above names whose bias it is.
    const text = gradShown(k) ? `∂ ${num(bwd.grad[k], 3)}` : `b ${num(theta[k], 3)}`;
    return (
      <g key={`b${k}`} className={sel ? 'bp-bias bp-selected' : 'bp-bias'} {...pick(k)}>
        <rect x={x - 36} y={y - 13} width={72} height={20} rx={4} />
        <text x={x} y={y + 2} textAnchor="middle" className={gradShown(k) ? 'bp-grad' : ''}>
          {text}
        </text>
      </g>
    );
  };

  /** A node: its name on the left (output) or on top (inputs, hidden units, loss); δ on top or upper right. */
  const node = (x: number, y: number, name: string, lines: string[], active: boolean, delta: string | null, top = false) => (
    <g key={name} className={active ? 'bp-node bp-active' : 'bp-node'}>
      <circle cx={x} cy={y} r={R} />
      <text x={top ? x : x - R - 3} y={top ? y - R - 7 : y - R + 6} textAnchor={top ? 'middle' : 'end'} className="bp-name">
        {name}
      </text>
      {lines.map((t, i) => (
        <text key={i} x={x} y={y + 4 + (i - (lines.length - 1) / 2) * 14} textAnchor="middle" className="bp-val">
          {t}
        </text>
      ))}
      {delta && (top ? <Halo x={x + R + 2} y={y - R + 2} anchor="start" cls="bp-grad">{delta}</Halo> : <Halo x={x} y={y - R - 7} cls="bp-grad">{delta}</Halo>)}
    </g>
  );

  const seen = (stageAt: number) => back || s >= stageAt;
  const ringHidden = (j: number) => (stage.phase === 'forward' && s === FWD_HIDDEN(j)) || (back && s === 7 + j);
  const yName = 'ŷ';

  return (
    <figure className="bp-graph" style={{ position: 'relative' }}>
      <figcaption className="bp-graph-title" style={{ paddingRight: '3.5em' }}>
        The network: {stage.phase === 'backward' ? 'gradients flow right to left' : 'values flow left to right'} (hidden φ = {ACT_NAME[setup.act]})
      </figcaption>
      <FigureMenu plotTitle="The network" />
      <svg viewBox={`0 0 ${W} ${H}`} role="group" aria-label="The 2-3-1 network: inputs, three hidden units, the output and the loss. Each edge and bias selects its parameter." data-testid="network">
        {[0, 1, 2].flatMap((j) => [0, 1].map((i) => edge(2 * j + i, IN[i], HID[j], 0.6)))}
        {[0, 1, 2].map((j) => edge(9 + j, HID[j], OUT, 0.5))}
        <line x1={OUT.x + R} y1={OUT.y} x2={LOSS.x - R} y2={LOSS.y} className="bp-loss-edge" />
        {IN.map((p, i) => node(p.x, p.y, `x${'₁₂'[i]}`, [num(setup.x[i], 3)], stage.s === 0, null, true))}
        {HID.map((p, j) =>
          node(
            p.x,
            p.y,
            `h${'₁₂₃'[j]}`,
            seen(FWD_HIDDEN(j)) ? [`z ${num(fwd.z1[j], 2)}`, `h ${num(fwd.h[j], 2)}`] : ['?'],
            ringHidden(j),
            back && s >= 7 + j ? `δ ${num(bwd.delta1[j], 3)}` : null,
            true,
          ),
        )}
        {HID.map((p, j) => biasTag(6 + j, p.x, p.y + R + 16))}
        {node(OUT.x, OUT.y, yName, seen(FWD_OUT) ? [`z ${num(fwd.z2, 2)}`, `ŷ ${num(fwd.y, 2)}`] : ['?'], (stage.phase === 'forward' && s === FWD_OUT) || (back && s === 6), back ? `δ ${num(bwd.delta2, 3)}` : null)}
        {biasTag(12, OUT.x, OUT.y + R + 16)}
        {node(LOSS.x, LOSS.y, 'L', seen(FWD_LOSS) ? [num(fwd.loss, 3)] : ['?'], stage.phase === 'forward' && s === FWD_LOSS, null, true)}
        <text x={LOSS.x} y={LOSS.y + R + 18} textAnchor="middle" className="bp-val">
          t = {num(setup.t, 3)}
        </text>
      </svg>
    </figure>
  );
}
