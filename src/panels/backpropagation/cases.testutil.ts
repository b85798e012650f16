/** Shared by the panel's tests: the `backprop` reference cases and seeded random networks. */
import { readFileSync } from 'node:fs';
import { stream } from '../../lib/random/rng';
import type { Net, Setup } from './model';
import type { Activation } from './params';

/* eslint-disable @typescript-eslint/no-explicit-any -- the oracle file is untyped JSON */
function oracle(): any {
  try {
    return JSON.parse(readFileSync(new URL('../../../../shared/oracles/reference-cases.json', import.meta.url), 'utf8')).backprop;
  } catch {
    return JSON.parse(readFileSync(process.cwd() + '/../shared/oracles/reference-cases.json', 'utf8')).backprop;
  }
}
export const BACKPROP = oracle();

/** A reference case as our network: W1 3×2 row-major, the output a sigmoid with ½(ŷ − t)² (its notes). */
export function fromCase(c: any): { net: Net; s: Setup } {
  const i = c.input;
  return {
    net: { W1: (i.W1 as number[][]).flat(), b1: i.b1, W2: i.W2[0], b2: i.b2[0] },
    s: { x: [i.x[0], i.x[1]], t: i.target, act: i.hidden_activation as Activation, head: 'sigmoid-mse' },
  };
}
export function expectedGrad(c: any): number[] {
  const e = c.expected;
  return [...(e.dW1 as number[][]).flat(), ...e.db1, ...e.dW2[0], ...e.db2];
}

/** Seeded random networks: weights N(0, σ²), inputs N(0, 1), a target to suit the head. */
export function randomCase(seed: number, act: Activation, head: Setup['head'], sd = 1): { net: Net; s: Setup } {
  const r = stream(seed, 'test-net');
  const g = () => r.normal() * sd;
  const net = { W1: Array.from({ length: 6 }, g), b1: Array.from({ length: 3 }, g), W2: Array.from({ length: 3 }, g), b2: g() };
  const t = head === 'linear-mse' ? r.normal() : r.next();
  return { net, s: { x: [r.normal(), r.normal()], t, act, head } };
}

