/**
 * A KaTeX formula. Formulas are constants written in the panels, or such constants with numbers
 * from a model filled in, never user input; KaTeX escapes its output (trust stays off), and
 * throwOnError is off so a typo shows red source text instead of breaking the panel.
 *
 * Issue 8: typesetting costs milliseconds (parsing, layout boxes, both HTML and MathML), so
 *   - a formula that changes with a slider is typeset one painted frame later (useAfterPaint):
 *     the key press's own frame shows the slider and the readout, the formula follows;
 *   - each formula's markup is kept (markup.ts), so a setting seen before is only parsed as HTML
 *     again, not typeset again.
 */
import { useLayoutEffect, useRef } from 'react';
import 'katex/dist/katex.min.css';
import { useAfterPaint } from '../panel/useAfterPaint';
import { texMarkup } from './markup';

export function Tex({ children, block = false }: { children: string; block?: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  const tex = useAfterPaint(children);
  useLayoutEffect(() => {
    if (ref.current) ref.current.innerHTML = texMarkup(tex, block);
  }, [tex, block]);
  // A wide block formula scrolls sideways on a phone; tabIndex lets keyboard users scroll it too.
  return block ? <span ref={ref} className="tex tex-block" tabIndex={0} /> : <span ref={ref} className="tex" />;
}
