/**
 * Closed forms of the M/M/c queue (Poisson arrivals at rate λ, c servers with exponential service
 * at rate μ each): Erlang's C formula for the chance of waiting, the mean wait in the queue, the
 * mean time in the system and, by Little's law, the mean number in it. Pure.
 */

export interface MmcFigures {
  utilisation: number;
  pWait: number;
  meanWaitInQueue: number;
  meanTimeInSystem: number;
  meanNumberInSystem: number;
}

/** Null when the queue is unstable (ρ ≥ 1: it grows without bound). */
export function mmc(lambda: number, mu: number, c: number): MmcFigures | null {
  const a = lambda / mu, rho = a / c;
  if (!(rho < 1) || !(lambda > 0) || !(mu > 0) || c < 1) return null;
  // Σ_{k<c} a^k/k! and a^c/c!, term by term (no factorials that overflow).
  let term = 1, sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = term / (1 - rho);
  const pWait = top / (sum + top);
  const wq = pWait / (c * mu - lambda);
  return { utilisation: rho, pWait, meanWaitInQueue: wq, meanTimeInSystem: wq + 1 / mu, meanNumberInSystem: lambda * (wq + 1 / mu) };
}
