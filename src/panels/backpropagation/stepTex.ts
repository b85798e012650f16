/**
 * The equation of the step on screen, with its numbers, as TeX: what the forward or backward
 * pass just computed at this node. Pure (strings only), so it is tested without a DOM.
 */
import type { Lesson } from './lesson';
import { flatten } from './model';
import { chainName } from './chain';
import { texNum as n } from './look';

const PHI = { sigmoid: '\\sigma', tanh: '\\tanh', relu: '\\operatorname{ReLU}' } as const;

/** `a·b` products written with their signs in parentheses where negative. */
const p = (v: number) => (v < 0 ? `(${n(v)})` : n(v));

export function stepTex(L: Lesson, lr: number): string {
  const { stage, net, fwd, bwd, setup } = L;
  const s = stage.s;
  const phi = PHI[setup.act];
  if (s === 0) {
    if (!L.prev) return String.raw`x = (${n(setup.x[0])},\ ${n(setup.x[1])}),\quad t = ${n(setup.t)}`;
    // The update, shown on the selected parameter: every other one moved the same way.
    const k = L.selIndex, name = chainName(k);
    const was = flatten(L.prev.net)[k], now = flatten(net)[k];
    return String.raw`\begin{gathered}\theta \leftarrow \theta - \eta\,\nabla_\theta L\\ ${name} \leftarrow ${n(was)} - ${n(lr)}\cdot${p(L.prev.grad[k])} = ${n(now)}\end{gathered}`;
  }
  if (s <= 3) {
    const j = s - 1, J = s;
    return String.raw`\begin{gathered}z1_{${J}} = W1_{${J}1}x_1 + W1_{${J}2}x_2 + b1_{${J}} = ${n(net.W1[2 * j])}\cdot${p(setup.x[0])} + ${p(net.W1[2 * j + 1])}\cdot${p(setup.x[1])} + ${p(net.b1[j])} = ${n(fwd.z1[j])}\\ h_{${J}} = ${phi}(z1_{${J}}) = ${n(fwd.h[j])}\end{gathered}`;
  }
  if (s === 4) {
    const y = setup.head === 'linear-mse' ? String.raw`\hat y = z2 = ${n(fwd.y)}` : String.raw`\hat y = \sigma(z2) = ${n(fwd.y)}`;
    return String.raw`\begin{gathered}z2 = \textstyle\sum_j W2_j h_j + b2 = ${n(fwd.z2)}\\ ${y}\end{gathered}`;
  }
  if (s === 5)
    return setup.head === 'sigmoid-ce'
      ? String.raw`L = -t\log\hat y - (1-t)\log(1-\hat y) = ${n(fwd.loss)}`
      : String.raw`L = \tfrac12(\hat y - t)^2 = \tfrac12(${n(fwd.y)} - ${p(setup.t)})^2 = ${n(fwd.loss)}`;
  if (s === 6) {
    const d2 =
      setup.head === 'sigmoid-ce'
        ? String.raw`\hat y - t`
        : setup.head === 'linear-mse'
          ? String.raw`(\hat y - t)\cdot 1`
          : String.raw`(\hat y - t)\,\hat y(1-\hat y)`;
    return String.raw`\begin{gathered}\delta_2 = \frac{\partial L}{\partial z2} = ${d2} = ${n(bwd.delta2)}\\ \frac{\partial L}{\partial W2_j} = \delta_2 h_j,\quad \frac{\partial L}{\partial b2} = \delta_2\end{gathered}`;
  }
  const j = s - 7, J = s - 6;
  return String.raw`\begin{gathered}\delta1_{${J}} = \delta_2\, W2_{${J}}\, ${phi}'(z1_{${J}}) = ${p(bwd.delta2)}\cdot${p(net.W2[j])}\cdot${p(bwd.dphi[j])} = ${n(bwd.delta1[j])}\\ \frac{\partial L}{\partial W1_{${J}i}} = \delta1_{${J}}\,x_i,\quad \frac{\partial L}{\partial b1_{${J}}} = \delta1_{${J}}\end{gathered}`;
}
