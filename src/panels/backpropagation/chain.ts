/**
 * The chain rule for one parameter, factor by factor, with each factor's value: the gradient
 * the backward pass computed, written out as the product it is. Pure.
 */
import type { Backward, Forward, Net, Setup } from './model';

export interface Factor {
  /** TeX of the local derivative, e.g. \frac{\partial h_2}{\partial z1_2}. */
  tex: string;
  /** TeX of what it equals symbolically, e.g. \varphi'(z1_2). */
  is: string;
  value: number;
}

export interface Chain {
  /** TeX of the parameter, e.g. W1_{21}. */
  name: string;
  factors: Factor[];
  /** The gradient: the product of the factors (for cross-entropy, δ2 times the rest). */
  product: number;
  /** Cross-entropy with a saturated output: ∂L/∂ŷ and ∂ŷ/∂z2 are not finite separately; their product ŷ − t is. */
  merged: boolean;
}

const d = (a: string, b: string) => String.raw`\frac{\partial ${a}}{\partial ${b}}`;

const PHI_PRIME: Record<Setup['act'], (z: string) => string> = {
  sigmoid: (z) => String.raw`\sigma(${z})\,(1-\sigma(${z}))`,
  tanh: (z) => String.raw`1-\tanh^2(${z})`,
  relu: (z) => String.raw`[${z} > 0]`,
};

/** TeX name of parameter k: W1_{21}, b1_{3}, W2_{1}, b2. */
export function chainName(k: number): string {
  if (k === 12) return 'b2';
  if (k >= 9) return `W2_{${k - 8}}`;
  if (k >= 6) return `b1_{${k - 5}}`;
  return `W1_{${Math.floor(k / 2) + 1}${(k % 2) + 1}}`;
}

export function chainFor(k: number, net: Net, s: Setup, f: Forward, b: Backward): Chain {
  const merged = s.head === 'sigmoid-ce' && !Number.isFinite(b.dLdy);
  const top: Factor[] = merged
    ? [{ tex: d('L', 'z2'), is: String.raw`\hat y - t`, value: b.delta2 }]
    : [
        {
          tex: d('L', String.raw`\hat y`),
          is: s.head === 'sigmoid-ce' ? String.raw`\frac{\hat y - t}{\hat y(1-\hat y)}` : String.raw`\hat y - t`,
          value: b.dLdy,
        },
        { tex: d(String.raw`\hat y`, 'z2'), is: s.head === 'linear-mse' ? '1' : String.raw`\hat y(1-\hat y)`, value: b.dydz },
      ];
  let name: string, rest: Factor[];
  if (k >= 9) {
    const j = k - 9;
    name = chainName(k);
    rest = [k === 12 ? { tex: d('z2', 'b2'), is: '1', value: 1 } : { tex: d('z2', name), is: `h_{${j + 1}}`, value: f.h[j] }];
  } else {
    const j = k < 6 ? Math.floor(k / 2) : k - 6;
    const J = j + 1, z = `z1_{${J}}`;
    name = chainName(k);
    rest = [
      { tex: d('z2', `h_{${J}}`), is: `W2_{${J}}`, value: net.W2[j] },
      { tex: d(`h_{${J}}`, z), is: PHI_PRIME[s.act](z), value: b.dphi[j] },
      k < 6 ? { tex: d(z, name), is: `x_{${(k % 2) + 1}}`, value: s.x[k % 2] } : { tex: d(z, name), is: '1', value: 1 },
    ];
  }
  const factors = [...top, ...rest];
  // The backward pass's own number: for cross-entropy δ2 is computed directly (stable), not as a product.
  const product = rest.reduce((a, x) => a * x.value, b.delta2);
  return { name, factors, product, merged };
}
