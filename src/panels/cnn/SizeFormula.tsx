/** The output-size formula with the current numbers, for the convolution and for the pooling after it. */
import { Tex } from '../../lib/tex/Tex';

export interface SizeFormulaProps {
  n: number;
  p: number;
  d: number;
  s: number;
  out: number;
  pool: { n: number; k: number; s: number; out: number };
}

export function SizeFormula({ n, p, d, s, out, pool }: SizeFormulaProps) {
  return (
    <figure className="cnn-formula" data-testid="size-formula">
      <figcaption>Output size per side (kernel k = 3)</figcaption>
      <Tex block>{String.raw`\left\lfloor \tfrac{n + 2p - d(k-1) - 1}{s} \right\rfloor + 1`}</Tex>
      <Tex block>{String.raw`= \left\lfloor \tfrac{${n} + 2\cdot${p} - ${d}\cdot 2 - 1}{${s}} \right\rfloor + 1 = ${out}`}</Tex>
      <p className="ctl-help">Pooling has no padding or dilation:</p>
      <Tex block>{String.raw`\left\lfloor \tfrac{${pool.n} - ${pool.k}}{${pool.s}} \right\rfloor + 1 = ${pool.out}`}</Tex>
    </figure>
  );
}
