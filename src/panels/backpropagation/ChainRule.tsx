/**
 * The selected parameter's gradient as the chain-rule product it is, every factor with its
 * symbol, what it equals and its value, then their product.
 */
import { Tex } from '../../lib/tex/Tex';
import { chainFor } from './chain';
import { bwdStage, type Lesson } from './lesson';
import { texNum } from './look';
import { STAGES } from './params';

export function ChainRule({ lesson: L }: { lesson: Lesson }) {
  const c = chainFor(L.selIndex, L.net, L.setup, L.fwd, L.bwd);
  const symbols = c.factors.map((f) => String.raw`\underbrace{${f.tex}}_{${f.is}}`).join(String.raw`\cdot`);
  const values = c.factors.map((f) => (f.value < 0 ? `(${texNum(f.value)})` : texNum(f.value))).join(String.raw`\cdot`);
  const tex = String.raw`\begin{aligned}\frac{\partial L}{\partial ${c.name}} &= ${symbols}\\ &= ${values} = ${texNum(c.product)}\end{aligned}`;
  const reach = L.stage.update * STAGES + bwdStage(L.selIndex);
  return (
    <section className="bp-chain" aria-label="Chain rule for the selected parameter" data-testid="chain">
      <h3 className="bp-h">
        Chain rule for the selected parameter <span className="ctl-help">(click an edge or a bias to choose another)</span>
      </h3>
      <Tex block>{tex}</Tex>
      <p className="ctl-help">
        {c.merged
          ? 'The output is so saturated that ∂L/∂ŷ and ∂ŷ/∂z2 overflow and underflow separately; their product, ŷ − t, is what the backward pass uses.'
          : `Each factor is a local derivative one node computes; the backward pass multiplies them from the loss backwards, and reaches this parameter at step ${reach}.`}
      </p>
    </section>
  );
}
