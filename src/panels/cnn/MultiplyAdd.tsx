/**
 * The multiply-add at the kernel's current position, with its numbers: one line per kernel row,
 * each term input × weight, then the sum (the output cell's value). Cells in the padding are 0.
 */
import type { Term } from './model';
import { num } from './look';

const x2 = (v: number) => (Math.abs(v) < 0.005 ? '0' : v.toFixed(2));
const paren = (v: number) => (v < 0 ? `(${num(v)})` : num(v));

export function MultiplyAdd({ terms, row, col, value, h, w }: { terms: Term[]; row: number; col: number; value: number; h: number; w: number }) {
  if (terms.length === 0) return null;
  const inPad = (t: Term) => t.r < 0 || t.r >= h || t.c < 0 || t.c >= w;
  const anyPad = terms.some(inPad);
  return (
    <figure className="cnn-madd" aria-label={`Multiply-add at output row ${row}, column ${col}`}>
      <figcaption>
        Output at row {row}, column {col}: each covered input times its kernel weight, summed
      </figcaption>
      <div className="cnn-madd-body" data-testid="multiply-add">
        {[0, 1, 2].map((a) => (
          <div key={a} className="cnn-madd-row">
            <span className="cnn-madd-op" aria-hidden="true">{a === 0 ? '' : '+'}</span>
            {terms.slice(3 * a, 3 * a + 3).map((t, b) => (
              <span key={b} className={inPad(t) ? 'cnn-term cnn-term-pad' : 'cnn-term'}>
                {b > 0 && <span className="cnn-madd-op">+</span>}
                {x2(t.x)}×{paren(t.k)}
              </span>
            ))}
          </div>
        ))}
        <div className="cnn-madd-row cnn-madd-sum">
          <span className="cnn-madd-op">=</span>
          <strong data-testid="madd-sum">{num(value, 4)}</strong>
        </div>
      </div>
      <p className="ctl-help">
        Inputs shown to 2 decimals; the sum uses them exactly.{anyPad ? ' Faded terms lie in the padding, which holds zeros.' : ''}
      </p>
    </figure>
  );
}
