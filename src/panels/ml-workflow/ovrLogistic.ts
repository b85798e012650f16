/**
 * The workflow's one-vs-rest logistic fits (issue 8: the kit's fitLogistic was about 60 % of a
 * worker's half), all classes in lockstep over one design: every Newton iteration makes the
 * gradients and Hessians of all classes still running in one pass over X, and every line-search
 * round evaluates the objectives of all classes still searching in one pass. Each class's numbers
 * are the kit's fitLogistic's (no sample weights) to the bit: every sum is the kit's, over the same
 * rows in the same order with the same terms; only the sums of several classes are made side by
 * side, and a class that stops (converged, no progress) just leaves the lockstep.
 * ovrLogistic.test.ts checks this against fitLogistic itself. The work buffers (X by columns, each
 * class's per-row arrays) are kept between calls. Pure: no DOM.
 */
import type { LogisticModel, Matrix } from '../../lib/learn/api';
import { separates } from '../../lib/learn/logistic';
import { laneOf, newtonStep, type Lane } from './ovrLanes';

/** X by columns (column a at a·n) and each sparse column's nonzero rows (the kit's columnsOf):
 *  count[a] < 0 is a column that keeps every row. */
interface Work {
  n: number;
  d: number;
  cols: Float64Array;
  rows: Int32Array;
  start: Int32Array;
  count: Int32Array;
}

let work: Work = { n: 0, d: 0, cols: new Float64Array(0), rows: new Int32Array(0), start: new Int32Array(0), count: new Int32Array(0) };

/** The kit's columnsOf into the kept buffers: the same columns and the same nonzero-row lists. */
function columns(X: Matrix): Work {
  const { n, d, data } = X;
  if (work.cols.length < n * d) work = { n, d, cols: new Float64Array(n * d), rows: new Int32Array(n * d), start: new Int32Array(d), count: new Int32Array(d) };
  if (work.start.length < d) work = { ...work, start: new Int32Array(d), count: new Int32Array(d) };
  work.n = n;
  work.d = d;
  const { cols, rows, start, count } = work;
  let safe = true;
  for (let i = 0; i < n * d && safe; i++) safe = Number.isFinite(data[i]);
  let at = 0;
  for (let j = 0; j < d; j++) {
    const o = j * n;
    let nz = 0;
    for (let i = 0; i < n; i++) if ((cols[o + i] = data[i * d + j]) !== 0) nz++;
    start[j] = at;
    if (!safe || nz > n / 2) count[j] = -1;
    else {
      count[j] = nz;
      for (let i = 0; i < n; i++) if (cols[o + i] !== 0) rows[at++] = i;
    }
  }
  return work;
}

/**
 * accumulate of the kit for three classes at once (A, B, C; a repeated class is made twice and
 * stored twice, the same numbers): the gradient and the Hessian's lower triangle, each entry
 * summed over column a's rows in order with the kit's terms, (hᵢ·x_ia)·x_ib.
 */
function accumulate3(A: Lane, B: Lane, C: Lane, W: Work): void {
  const { n, d, cols, rows, start, count } = W, p = d + 1;
  const hA = A.hv, rA = A.rv, hB = B.hv, rB = B.rv, hC = C.hv, rC = C.rv;
  let gA = 0, dA = 0, gB = 0, dB = 0, gC = 0, dC = 0;
  for (let i = 0; i < n; i++) {
    gA += rA[i];
    dA += hA[i];
    gB += rB[i];
    dB += hB[i];
    gC += rC[i];
    dC += hC[i];
  }
  A.g[d] = gA;
  A.H[d * p + d] = dA;
  B.g[d] = gB;
  B.H[d * p + d] = dB;
  C.g[d] = gC;
  C.H[d * p + d] = dC;
  for (let a = 0; a < d; a++) {
    const oa = a * n, s = start[a], dense = count[a] < 0, m1 = dense ? n : count[a];
    let ga = 0, ha = 0, gb = 0, hb = 0, gc = 0, hc = 0;
    for (let m = 0; m < m1; m++) {
      const i = dense ? m : rows[s + m], x = cols[oa + i];
      ga += rA[i] * x;
      ha += hA[i] * x;
      gb += rB[i] * x;
      hb += hB[i] * x;
      gc += rC[i] * x;
      hc += hC[i] * x;
    }
    A.g[a] = ga;
    A.H[d * p + a] = ha;
    B.g[a] = gb;
    B.H[d * p + a] = hb;
    C.g[a] = gc;
    C.H[d * p + a] = hc;
    const ap = a * p;
    for (let b = 0; b <= a; b += 3) {
      // A column past a repeats column a: its sums are made and not stored.
      const o0 = b * n, o1 = Math.min(b + 1, a) * n, o2 = Math.min(b + 2, a) * n;
      let a0 = 0, a1 = 0, a2 = 0, b0 = 0, b1 = 0, b2 = 0, c0 = 0, c1 = 0, c2 = 0;
      for (let m = 0; m < m1; m++) {
        const i = dense ? m : rows[s + m], xa = cols[oa + i], x0 = cols[o0 + i], x1 = cols[o1 + i], x2 = cols[o2 + i];
        const ya = hA[i] * xa, yb = hB[i] * xa, yc = hC[i] * xa;
        a0 += ya * x0;
        a1 += ya * x1;
        a2 += ya * x2;
        b0 += yb * x0;
        b1 += yb * x1;
        b2 += yb * x2;
        c0 += yc * x0;
        c1 += yc * x1;
        c2 += yc * x2;
      }
      A.H[ap + b] = a0;
      B.H[ap + b] = b0;
      C.H[ap + b] = c0;
      if (b + 1 <= a) {
        A.H[ap + b + 1] = a1;
        B.H[ap + b + 1] = b1;
        C.H[ap + b + 1] = c1;
      }
      if (b + 2 <= a) {
        A.H[ap + b + 2] = a2;
        B.H[ap + b + 2] = b2;
        C.H[ap + b + 2] = c2;
      }
    }
  }
}

/**
 * The kit's objective for three classes at once, at each one's β (trial: its line-search point
 * `next`, into zN and eN; else `beta`, into z and e): ½λ‖w‖² + Σ softplus(zᵢ) − yᵢzᵢ, with each
 * row's zᵢ = b + Σⱼ wⱼ·xᵢⱼ summed in the kit's order. X is read once per row for the three.
 */
function objective3(A: Lane, B: Lane, C: Lane, X: Matrix, lambda: number, trial: boolean): void {
  const { n, d, data } = X;
  const bA = trial ? A.next : A.beta, bB = trial ? B.next : B.beta, bC = trial ? C.next : C.beta;
  const zA = trial ? A.zN : A.z, eA = trial ? A.eN : A.e, zB = trial ? B.zN : B.z, eB = trial ? B.eN : B.e, zC = trial ? C.zN : C.z, eC = trial ? C.eN : C.e;
  const yA = A.y, yB = B.y, yC = C.y;
  let fA = 0, fB = 0, fC = 0;
  for (let j = 0; j < d; j++) {
    fA += 0.5 * lambda * bA[j] * bA[j];
    fB += 0.5 * lambda * bB[j] * bB[j];
    fC += 0.5 * lambda * bC[j] * bC[j];
  }
  for (let i = 0; i < n; i++) {
    const o = i * d;
    let za = bA[d], zb = bB[d], zc = bC[d];
    for (let j = 0; j < d; j++) {
      const x = data[o + j];
      za += bA[j] * x;
      zb += bB[j] * x;
      zc += bC[j] * x;
    }
    const ea = Math.exp(-Math.abs(za)), eb = Math.exp(-Math.abs(zb)), ec = Math.exp(-Math.abs(zc));
    zA[i] = za;
    eA[i] = ea;
    zB[i] = zb;
    eB[i] = eb;
    zC[i] = zc;
    eC[i] = ec;
    // The kit's term times its unit weight (1 · v is v, to the bit).
    fA += (za > 0 ? za + Math.log1p(ea) : Math.log1p(ea)) - yA[i] * za;
    fB += (zb > 0 ? zb + Math.log1p(eb) : Math.log1p(eb)) - yB[i] * zb;
    fC += (zc > 0 ? zc + Math.log1p(ec) : Math.log1p(ec)) - yC[i] * zc;
  }
  if (trial) [A.fNext, B.fNext, C.fNext] = [fA, fB, fC];
  else [A.f, B.f, C.f] = [fA, fB, fC];
}

/** Runs `step` on the lanes three at a time (the last group padded by repeating its last lane). */
function inThrees(ls: Lane[], step: (A: Lane, B: Lane, C: Lane) => void): void {
  const last = ls.length - 1;
  for (let k = 0; k < ls.length; k += 3) step(ls[k], ls[Math.min(k + 1, last)], ls[Math.min(k + 2, last)]);
}

/**
 * fitLogistic(X, ys[c], { C, maxIter, tol }) for every class c (no sample weights), the same
 * models to the bit, fitted in lockstep (see the top of this file).
 */
export function fitLogisticLockstep(X: Matrix, ys: readonly Int32Array[], opts: { C: number; maxIter?: number; tol?: number }): LogisticModel[] {
  const { n, d } = X, p = d + 1;
  const lambda = opts.C === Infinity ? 0 : 1 / opts.C;
  const maxIter = opts.maxIter ?? 100;
  const tol = opts.tol ?? 1e-10;
  const all = ys.map((y, c) => {
    const L = laneOf(c, n, p);
    L.y.set(y.subarray(0, n));
    return L;
  });
  inThrees(all, (A, B, C) => objective3(A, B, C, X, lambda, false));
  const W = columns(X);
  for (let it = 0; it < maxIter; it++) {
    const live = all.filter((L) => !L.done);
    if (live.length === 0) break;
    for (const L of live) {
      const { z, e, y, rv, hv } = L;
      for (let i = 0; i < n; i++) {
        const zi = z[i], ei = e[i];
        const pi = zi >= 0 ? 1 / (1 + ei) : ei / (1 + ei);
        // The kit's si · (pi − y) and si · pi · (1 − pi) with si = 1: the same numbers.
        rv[i] = pi - y[i];
        hv[i] = pi * (1 - pi);
      }
    }
    inThrees(live, (A, B, C) => accumulate3(A, B, C, W));
    for (const L of live) newtonStep(L, d, lambda, tol);
    const stepping = live.filter((L) => !L.done);
    // The backtracking search, one round (one pass over X) per halving for the lanes still searching.
    let searching = stepping;
    for (let k = 0; k < 60 && searching.length > 0; k++) {
      for (const L of searching) for (let a = 0; a < p; a++) L.next[a] = L.beta[a] - L.t * L.dir[a];
      inThrees(searching, (A, B, C) => objective3(A, B, C, X, lambda, true));
      searching = searching.filter((L) => {
        const { fNext, f, t, slope } = L;
        if (fNext <= f - 1e-4 * t * slope || (t === 1 && slope <= 1e-12 * Math.abs(f))) return false;
        L.t = t / 2;
        return true;
      });
    }
    for (const L of stepping) {
      let finite = true;
      for (let a = 0; a < p; a++) if (!Number.isFinite(L.next[a])) finite = false;
      if (!(L.fNext <= L.f + 1e-12 * Math.abs(L.f)) || !finite) {
        L.done = true; // no progress possible
        continue;
      }
      [L.beta, L.next] = [L.next, L.beta];
      L.f = L.fNext;
      [L.z, L.zN] = [L.zN, L.z];
      [L.e, L.eN] = [L.eN, L.e];
    }
  }
  return all.map((L) => {
    const beta = L.beta.slice(0, p);
    const converged = L.converged && !(lambda === 0 && separates(X, L.y, undefined, beta));
    return { coef: beta.slice(0, d), intercept: beta[d], iterations: L.iterations, converged };
  });
}
