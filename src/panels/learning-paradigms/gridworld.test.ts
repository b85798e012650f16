/**
 * The grid world: value iteration reproduces the `gridworld` reference case (values and every
 * optimal action; the grid, rewards and discount read from the case's own notes), Q-learning
 * reaches an optimal policy on that deterministic grid (and its Q approaches Q*), the layout's
 * link text is validated, and the editing cycle keeps exactly one start.
 */
import { describe, expect, it } from 'vitest';
import { referenceCases } from '../../lib/learn/reference.testutil';
import { ACTIONS, cycleCell, encodeGrid, greedyPolicy, parseGrid, QLearner, valueIteration, type Grid } from './gridworld';
import { DEFAULT_GRID } from './params';
import { RlRun } from './model';

interface GridCase {
  notes: string;
  values: number[][];
  optimal_actions: (string[] | null)[][];
}

/** The reference grid, built from the case: its size from `values`, goal, pit, rewards and γ from the notes. */
function fromCase(c: GridCase): { grid: Grid; stepReward: number; discount: number } {
  const rows = c.values.length, cols = c.values[0].length;
  const at = (what: string) => {
    const m = new RegExp(`${what} \\((\\d+),\\s*(\\d+)\\)`).exec(c.notes)!;
    return Number(m[1]) * cols + Number(m[2]);
  };
  const cells = Array.from({ length: rows * cols }, () => '.') as Grid['cells'];
  cells[at('goal')] = 'g';
  cells[at('pit')] = 'p';
  cells[(rows - 1) * cols] = 's';
  const stepReward = Number(/other move gives (-?\d+(?:\.\d+)?)/.exec(c.notes)![1]);
  const discount = Number(/gamma=(\d+(?:\.\d+)?)/.exec(c.notes)![1]);
  return { grid: { rows, cols, cells, start: (rows - 1) * cols }, stepReward, discount };
}

const c = referenceCases<{ gridworld: GridCase }>().gridworld;
const ref = fromCase(c);

describe('grid world', () => {
  it('value iteration reproduces the reference values and optimal actions', () => {
    const o = valueIteration(ref.grid, { stepReward: ref.stepReward, discount: ref.discount, slip: 0 });
    c.values.flat().forEach((v, i) => expect(o.V[i]).toBeCloseTo(v, 9));
    c.optimal_actions.flat().forEach((acts, i) => {
      const mine = ACTIONS.filter((_, a) => o.best[i] & (1 << a));
      expect([...mine].sort(), `cell ${i}`).toEqual(acts ? [...acts].sort() : []);
    });
  });

  it('Q-learning reaches an optimal policy on the deterministic grid, and Q* along it', () => {
    for (const seed of [1, 2, 3]) {
      const o = valueIteration(ref.grid, { stepReward: ref.stepReward, discount: ref.discount, slip: 0 });
      const L = new QLearner(ref.grid, { stepReward: ref.stepReward, discount: ref.discount, slip: 0, epsilon: 0.3, lr: 0.5, seed });
      L.runEpisodes(3000);
      const pol = greedyPolicy(ref.grid, L.Q);
      pol.forEach((a, i) => {
        if (a < 0) return;
        expect(o.best[i] & (1 << a), `seed ${seed}, cell ${i}: ${ACTIONS[a]}`).toBeTruthy();
        expect(L.Q[i * 4 + a]).toBeCloseTo(o.V[i], 2);
      });
    }
  });

  it('the panel’s run agrees with value iteration on the reference grid after enough episodes', () => {
    const run = new RlRun({ grid: encodeGrid(ref.grid), stepReward: ref.stepReward, discount: ref.discount, slip: 0, epsilon: 0.3, lr: 0.5, seed: 1 });
    const v = run.view({ episode: 1000, move: 0 });
    expect(v.agree).toBe(v.cellsToDecide);
    expect(v.greedyReturn).toBeCloseTo(v.optimalReturn!, 12);
    // Going back replays from the start: the same link gives the same Q.
    const again = new RlRun({ grid: encodeGrid(ref.grid), stepReward: ref.stepReward, discount: ref.discount, slip: 0, epsilon: 0.3, lr: 0.5, seed: 1 });
    run.view({ episode: 1000, move: 5 });
    expect(Array.from(run.view({ episode: 1000, move: 0 }).Q)).toEqual(Array.from(again.view({ episode: 1000, move: 0 }).Q));
  });

  it('a move past the end of an episode stops at its end and says so', () => {
    const run = new RlRun({ grid: 's.g', stepReward: 0, discount: 0.9, slip: 0, epsilon: 0, lr: 1, seed: 1 } as never);
    // 's.g' is one row only: not a valid grid, so the default grid is used and the problem said.
    expect(run.view({ episode: 0, move: 0 }).problem).toMatch(/could not be read/);
    const r2 = new RlRun({ grid: 's.g-...', stepReward: 0, discount: 0.9, slip: 0, epsilon: 0, lr: 1, seed: 1 });
    const v = r2.view({ episode: 5, move: 100 });
    expect(v.ended).toBe(true);
    expect(v.move).toBe(v.lengths[5]);
    expect(v.episode).toBe(5);
  });

  it('parses and validates layouts; the edit cycle keeps exactly one start', () => {
    const d = parseGrid(DEFAULT_GRID);
    expect(d.problem).toBeUndefined();
    expect(encodeGrid(d.grid)).toBe(DEFAULT_GRID);
    for (const bad of ['', 'abc', '..-...', '.'.repeat(9) + '-' + '.'.repeat(9), 'sx-gq', '<script>']) expect(parseGrid(bad).problem).toMatch(/could not be read/);
    expect(parseGrid('s.-.s').problem).toMatch(/more than one start/);
    expect(parseGrid('..-.g')).toMatchObject({ grid: { start: 0 }, problem: expect.stringMatching(/no start/) });
    let g = parseGrid('s.-..').grid;
    const seen: string[] = [];
    for (let k = 0; k < 5; k++) {
      const t = cycleCell(g, 3);
      seen.push(t);
      g = parseGrid(t).grid;
      expect(g.cells.filter((x) => x === 's').length).toBe(1);
    }
    expect(seen).toEqual(['s.-.x', 's.-.g', 's.-.p', '..-.s', 's.-..']);
  });
});
