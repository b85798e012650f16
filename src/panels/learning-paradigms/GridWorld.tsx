/**
 * The grid world as a grid of buttons: each free cell coloured by the learned value max_a Q
 * (diverging: red below zero, blue above), its greedy move as an arrow (a dashed border where
 * value iteration would move otherwise), the agent and the cells of its current episode. A click
 * or Enter cycles a cell: free → wall → goal → pit → start. Buttons rather than SVG, so every
 * cell is reachable and named for the keyboard and screen readers.
 */
import { memo } from 'react';
import { color as d3color } from 'd3';
import { signedColor } from '../../lib/plot/colors';
import { ColorBar } from '../../lib/plot/ColorBar';
import { isTerminal, type Cell } from './gridworld';
import type { RlView } from './model';
import { signed } from './look';
import { FigureMenu } from '../../lib/export/FigureMenu';

const ARROWS = ['↑', '→', '↓', '←'];
const KIND: Record<Cell, string> = { '.': 'free', x: 'wall', g: 'goal (+1, ends)', p: 'pit (−1, ends)', s: 'start' };
const NEXT: Record<Cell, string> = { '.': 'wall', x: 'goal', g: 'pit', p: 'start', s: 'free' };

/** Black or white text, whichever reads on this background. */
function inkOn(bg: string): string {
  const c = d3color(bg)?.rgb();
  if (!c) return '#000';
  const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const L = 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
  return L > 0.22 ? '#000' : '#fff';
}

export const GridWorld = memo(function GridWorld({ v, onCycle, busy }: { v: RlView; onCycle(i: number): void; busy: boolean }) {
  const N = v.rows * v.cols;
  let maxAbs = 1;
  const value = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    value[i] = Math.max(v.Q[4 * i], v.Q[4 * i + 1], v.Q[4 * i + 2], v.Q[4 * i + 3]);
    if (v.cells[i] !== 'x' && !isTerminal(v.cells[i] as Cell)) maxAbs = Math.max(maxAbs, Math.abs(value[i]));
  }
  const trail = new Set(v.trail);
  return (
    <figure className={`lp-world${busy ? ' lp-busy' : ''}`} data-testid="lp-world" style={{ position: 'relative' }}>
      <figcaption className="lp-caption" style={{ paddingRight: '3.5em' }}>
        Grid world after {v.episode} episode{v.episode === 1 ? '' : 's'}
        {v.move > 0 ? ` and ${v.move} move${v.move === 1 ? '' : 's'}` : ''}: value max<sub>a</sub> Q and greedy move
      </figcaption>
      <FigureMenu plotTitle="Grid world values and policy" />
      <ColorBar label="value maxₐ Q(s, a)" domain={[-maxAbs, maxAbs]} scheme="rdbu" />
      <div className="lp-grid" style={{ gridTemplateColumns: `repeat(${v.cols}, minmax(0, 1fr))` }}>
        {Array.from({ length: N }, (_, i) => {
          const cell = v.cells[i] as Cell;
          const free = cell === '.' || cell === 's';
          const bg = cell === 'x' ? 'var(--fg)' : cell === 'g' ? signedColor(1, 1) : cell === 'p' ? signedColor(-1, 1) : signedColor(value[i], maxAbs);
          const ink = cell === 'x' ? 'var(--bg)' : inkOn(bg);
          const q = v.Q.subarray(4 * i, 4 * i + 4);
          const tried = q[0] !== q[1] || q[1] !== q[2] || q[2] !== q[3];
          const a = v.policy[i];
          const off = free && tried && a >= 0 && !(v.best[i] & (1 << a));
          const r = Math.floor(i / v.cols) + 1, c = (i % v.cols) + 1;
          const what = `${KIND[cell]}${free ? `, value ${signed(value[i])}${tried && a >= 0 ? `, greedy move ${ARROWS[a]}${off ? ' (not optimal)' : ''}` : ''}` : ''}${i === v.pos ? ', agent here' : ''}`;
          return (
            <button
              key={i}
              type="button"
              className={`lp-cell${off ? ' lp-off' : ''}${trail.has(i) ? ' lp-trail' : ''}`}
              style={{ background: bg, color: ink }}
              aria-label={`Row ${r}, column ${c}: ${what}. Click to make it ${NEXT[cell]}.`}
              data-cell={cell}
              data-testid={`cell-${i}`}
              onClick={() => onCycle(i)}
            >
              <span className="lp-kind">{cell === 's' ? 'S' : cell === 'g' ? '+1' : cell === 'p' ? '−1' : ''}</span>
              {free && tried && a >= 0 && <span className="lp-arrow">{ARROWS[a]}</span>}
              {free && <span className="lp-val">{signed(value[i])}</span>}
              {i === v.pos && <span className="lp-agent" aria-hidden="true" />}
            </button>
          );
        })}
      </div>
      <p className="lp-caption">
        Click a cell to cycle it: free → wall → goal → pit → start. Arrows: the move the agent now thinks best (dashed border: value
        iteration would choose otherwise). Dot: the agent; outlined: the cells of its current episode.
      </p>
    </figure>
  );
});
