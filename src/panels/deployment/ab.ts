/**
 * An A/B rollout: each visitor goes to the new model B with probability `split`, else to A, and
 * converts with its arm's true rate. The running pooled z-test is recorded at evenly spaced looks
 * (to show what peeking does), and the planned sample size per arm comes from Cohen's h of the
 * true rates at the chosen α and power. Pure: no React, no DOM.
 */
import { stream } from '../../lib/random/rng';
import { cohensH, sampleSizePerArm, twoProportionZ, type ZTest } from './stats';

export interface AbInput {
  /** Share of visitors sent to B. */
  split: number;
  /** True conversion rates of A and B. */
  pA: number;
  pB: number;
  visitors: number;
  alpha: number;
  power: number;
  looks: number;
  seed: number;
}

export interface AbLook {
  visitors: number;
  nA: number;
  nB: number;
  cA: number;
  cB: number;
  test: ZTest;
}

export interface AbResult {
  input: AbInput;
  looks: AbLook[];
  /** The test at the end of the run. */
  final: AbLook;
  /** Cohen's h of the true rates (B against A) and of the observed ones. */
  hTrue: number;
  hObserved: number;
  /** Visitors arm A needs (B gets split/(1 − split) times as many) for the planned power; Infinity when pA = pB. */
  nA: number;
  /** Both arms together. */
  nTotal: number;
  /** The same per arm with an even split (the textbook number). */
  nEven: number;
  /** First look at which p < α (null: none): stopping there is what peeking does. */
  firstSignificant: number | null;
}

export function abStudy(inp: AbInput): AbResult {
  const V = Math.max(2, Math.floor(inp.visitors));
  const L = Math.max(1, Math.floor(inp.looks));
  const assign = stream(inp.seed, 'assign');
  const convA = stream(inp.seed, 'convert-a');
  const convB = stream(inp.seed, 'convert-b');
  const looks: AbLook[] = [];
  let nA = 0, nB = 0, cA = 0, cB = 0, next = 1;
  for (let v = 1; v <= V; v++) {
    if (assign.next() < inp.split) {
      nB++;
      if (convB.next() < inp.pB) cB++;
    } else {
      nA++;
      if (convA.next() < inp.pA) cA++;
    }
    if (v === Math.round((next * V) / L)) {
      next++;
      looks.push({ visitors: v, nA, nB, cA, cB, test: nA && nB ? twoProportionZ(cA, nA, cB, nB) : { pA: cA / Math.max(1, nA), pB: cB / Math.max(1, nB), z: 0, p: 1 } });
    }
  }
  const final = looks[looks.length - 1];
  const ratio = inp.split / (1 - inp.split);
  const hTrue = cohensH(inp.pB, inp.pA);
  const nArmA = sampleSizePerArm(hTrue, inp.alpha, inp.power, ratio);
  const first = looks.find((l) => l.test.p < inp.alpha);
  return {
    input: inp,
    looks,
    final,
    hTrue,
    hObserved: cohensH(final.test.pB, final.test.pA),
    nA: nArmA,
    nTotal: nArmA * (1 + ratio),
    nEven: sampleSizePerArm(hTrue, inp.alpha, inp.power, 1),
    firstSignificant: first ? first.visitors : null,
  };
}
