/**
 * The grid world: its layout as a short text (the link), the moves, value iteration (the optimum)
 * and Q-learning advanced move by move. Pure: no React, no DOM; randomness from one seeded stream.
 *
 * Rules (as the `gridworld` reference case): moving off the grid or into a wall stays put;
 * entering a goal gives +1 and ends the episode, entering a pit gives −1 and ends it; any other
 * move gives the step reward. With slip probability s the move goes to either side of the chosen
 * direction (s/2 each) instead. An episode that has not ended after MAX_MOVES moves is cut off.
 */
import { stream, type Rng } from '../../lib/random/rng';
import { DEFAULT_GRID, MAX_MOVES } from './params';

export type Cell = '.' | 'x' | 'g' | 'p' | 's';
export const CELLS: readonly Cell[] = ['.', 'x', 'g', 'p', 's'];
export const MIN_SIDE = 2;
export const MAX_SIDE = 8;
/** up, right, down, left. */
export const ACTIONS = ['up', 'right', 'down', 'left'] as const;
const DR = [-1, 0, 1, 0], DC = [0, 1, 0, -1];

export interface Grid {
  rows: number;
  cols: number;
  cells: Cell[];
  start: number;
}

const isTerminal = (c: Cell) => c === 'g' || c === 'p';

/** The layout from its link text; `problem` says why it fell back to the default or what it changed. */
export function parseGrid(text: string): { grid: Grid; problem?: string } {
  const rows = text.split('-');
  const width = rows[0]?.length ?? 0;
  const ok =
    rows.length >= MIN_SIDE && rows.length <= MAX_SIDE && width >= MIN_SIDE && width <= MAX_SIDE &&
    rows.every((r) => r.length === width && [...r].every((ch) => (CELLS as readonly string[]).includes(ch)));
  if (!ok) {
    const g = parseGrid(DEFAULT_GRID).grid;
    return { grid: g, problem: `The grid in the link could not be read (rows of ${MIN_SIDE} to ${MAX_SIDE} of . x g p s, joined by "-", all as long): the default grid is shown.` };
  }
  const cells = rows.join('').split('') as Cell[];
  let problem: string | undefined;
  const starts = cells.flatMap((c, i) => (c === 's' ? [i] : []));
  let start = starts[0] ?? -1;
  if (starts.length > 1) {
    for (const i of starts.slice(1)) cells[i] = '.';
    problem = 'The grid had more than one start: the first one is kept.';
  }
  if (start < 0) {
    start = cells.indexOf('.');
    if (start >= 0) {
      cells[start] = 's';
      problem = 'The grid had no start: the agent starts in the first free cell.';
    }
  }
  return { grid: { rows: rows.length, cols: width, cells, start }, problem };
}

export function encodeGrid(g: Grid): string {
  const out: string[] = [];
  for (let r = 0; r < g.rows; r++) out.push(g.cells.slice(r * g.cols, (r + 1) * g.cols).join(''));
  return out.join('-');
}

/** The edit a click makes: free → wall → goal → pit → start → free. Moving the start frees the old
 *  start cell; taking the start away puts it in the first free cell (there is always one start). */
export function cycleCell(g: Grid, i: number): string {
  const cells = g.cells.slice();
  const next = CELLS[(CELLS.indexOf(cells[i]) + 1) % CELLS.length];
  if (next === 's') {
    for (let j = 0; j < cells.length; j++) if (cells[j] === 's') cells[j] = '.';
  }
  cells[i] = next;
  return encodeGrid(parseGrid(encodeGrid({ ...g, cells })).grid);
}

export interface WorldRules {
  stepReward: number;
  discount: number;
  slip: number;
}

/** Where action a from cell i lands (walls and edges keep the agent in place). */
export function moveTo(g: Grid, i: number, a: number): number {
  const r = Math.floor(i / g.cols) + DR[a], c = (i % g.cols) + DC[a];
  if (r < 0 || r >= g.rows || c < 0 || c >= g.cols) return i;
  const j = r * g.cols + c;
  return g.cells[j] === 'x' ? i : j;
}

export function rewardOf(g: Grid, j: number, stepReward: number): number {
  return g.cells[j] === 'g' ? 1 : g.cells[j] === 'p' ? -1 : stepReward;
}

/** The outcomes of choosing a at i: [probability, next cell] (slip to the two sides). */
function outcomes(g: Grid, i: number, a: number, slip: number): [number, number][] {
  const out: [number, number][] = [[1 - slip, moveTo(g, i, a)]];
  if (slip > 0) out.push([slip / 2, moveTo(g, i, (a + 1) % 4)], [slip / 2, moveTo(g, i, (a + 3) % 4)]);
  return out;
}

export interface Optimum {
  /** V*(cell); 0 on walls and terminal cells. */
  V: Float64Array;
  /** Q*(cell, a), 4 per cell. */
  Q: Float64Array;
  /** Bit a set when action a is optimal at the cell (within 1e-9); 0 on walls and terminals. */
  best: Uint8Array;
  sweeps: number;
}

/** Value iteration (synchronous sweeps, as the reference) until the largest change is below 1e-12. */
export function valueIteration(g: Grid, w: WorldRules, maxSweeps = 100000): Optimum {
  const N = g.cells.length;
  let V = new Float64Array(N);
  const Q = new Float64Array(N * 4);
  const qOf = (Vv: Float64Array, i: number, a: number) => {
    let q = 0;
    for (const [p, j] of outcomes(g, i, a, w.slip)) q += p * (rewardOf(g, j, w.stepReward) + (isTerminal(g.cells[j]) ? 0 : w.discount * Vv[j]));
    return q;
  };
  let sweeps = 0;
  for (; sweeps < maxSweeps; sweeps++) {
    const V2 = new Float64Array(N);
    let delta = 0;
    for (let i = 0; i < N; i++) {
      if (g.cells[i] === 'x' || isTerminal(g.cells[i])) continue;
      let best = -Infinity;
      for (let a = 0; a < 4; a++) best = Math.max(best, qOf(V, i, a));
      V2[i] = best;
      delta = Math.max(delta, Math.abs(best - V[i]));
    }
    V = V2;
    if (delta < 1e-12) break;
  }
  const best = new Uint8Array(N);
  for (let i = 0; i < N; i++) {
    if (g.cells[i] === 'x' || isTerminal(g.cells[i])) continue;
    for (let a = 0; a < 4; a++) Q[i * 4 + a] = qOf(V, i, a);
    const m = Math.max(Q[i * 4], Q[i * 4 + 1], Q[i * 4 + 2], Q[i * 4 + 3]);
    for (let a = 0; a < 4; a++) if (m - Q[i * 4 + a] < 1e-9) best[i] |= 1 << a;
  }
  return { V, Q, best, sweeps };
}

export interface QConfig extends WorldRules {
  epsilon: number;
  lr: number;
  seed: number;
}

/** Q-learning advanced one move at a time; everything it does is drawn from one seeded stream. */
export class QLearner {
  readonly Q: Float64Array;
  /** Undiscounted reward of every finished episode, and its length in moves. */
  readonly returns: number[] = [];
  readonly lengths: number[] = [];
  episode = 0;
  move = 0;
  pos: number;
  /** Cells of the current episode so far (the start first). */
  trail: number[];
  private total = 0;
  private rng: Rng;

  constructor(readonly g: Grid, readonly c: QConfig) {
    this.Q = new Float64Array(g.cells.length * 4);
    this.rng = stream(c.seed, 'agent');
    this.pos = g.start;
    this.trail = [g.start];
  }

  /** The best known action (ties broken at random: untried actions are equally good). */
  greedy(i: number): number {
    const q = this.Q;
    let m = -Infinity, count = 0, pick = 0;
    for (let a = 0; a < 4; a++) {
      const v = q[i * 4 + a];
      if (v > m) {
        m = v;
        count = 1;
        pick = a;
      } else if (v === m && this.rng.int(++count) === 0) pick = a;
    }
    return pick;
  }

  /** One move; true when it ended the episode (a goal, a pit, or the move cap). */
  step(): boolean {
    const { g, c, Q } = this;
    const s = this.pos;
    if (s < 0) return this.finish(); // no start cell at all: every episode is empty
    const a = this.rng.next() < c.epsilon ? this.rng.int(4) : this.greedy(s);
    let dir = a;
    if (c.slip > 0 && this.rng.next() < c.slip) dir = (a + (this.rng.next() < 0.5 ? 1 : 3)) % 4;
    const j = moveTo(g, s, dir);
    const r = rewardOf(g, j, c.stepReward);
    const end = isTerminal(g.cells[j]);
    const next = end ? 0 : Math.max(Q[j * 4], Q[j * 4 + 1], Q[j * 4 + 2], Q[j * 4 + 3]);
    Q[s * 4 + a] += c.lr * (r + c.discount * next - Q[s * 4 + a]);
    this.total += r;
    this.move++;
    this.pos = j;
    this.trail.push(j);
    return end || this.move >= MAX_MOVES ? this.finish() : false;
  }

  private finish(): true {
    this.returns.push(this.total);
    this.lengths.push(this.move);
    this.episode++;
    this.move = 0;
    this.total = 0;
    this.pos = this.g.start;
    this.trail = [this.g.start];
    return true;
  }

  /** Runs whole episodes until `episode` are done. */
  runEpisodes(episode: number): void {
    while (this.episode < episode) this.step();
  }
}

/** The greedy action of every cell (-1 on walls and terminals; ties → the first action). */
export function greedyPolicy(g: Grid, Q: Float64Array): Int8Array {
  const out = new Int8Array(g.cells.length).fill(-1);
  for (let i = 0; i < g.cells.length; i++) {
    if (g.cells[i] === 'x' || isTerminal(g.cells[i])) continue;
    let b = 0;
    for (let a = 1; a < 4; a++) if (Q[i * 4 + a] > Q[i * 4 + b]) b = a;
    out[i] = b;
  }
  return out;
}

/** The undiscounted return of following `policy` from the start without slipping (null if it never ends). */
export function policyReturn(g: Grid, policy: Int8Array, stepReward: number): number | null {
  let i = g.start, total = 0;
  if (i < 0) return null;
  for (let m = 0; m < MAX_MOVES; m++) {
    const j = moveTo(g, i, Math.max(0, policy[i]));
    total += rewardOf(g, j, stepReward);
    if (isTerminal(g.cells[j])) return total;
    i = j;
  }
  return null;
}

export { isTerminal };
