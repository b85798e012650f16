/**
 * A KaTeX formula. Formulas are constants written in the panels, or such constants with numbers
 * from a model filled in, never user input; KaTeX escapes its output (trust stays off), and
 * throwOnError is off so a typo shows red source text instead of breaking the panel.
 *
 * Issue 8: typesetting costs milliseconds (parsing, layout boxes, both HTML and MathML), so
 *   - a page's formulas are typeset when the main thread is first idle (within a second): opening
 *     a link, the panel's workers start (their effects run after this commit) and a result
 *     computed on the page comes first, instead of waiting for the typesetting;
 *   - a formula that changes with a slider is typeset one painted frame later (useAfterPaint):
 *     the key press's own frame shows the slider and the readout, the formula follows;
 *   - each formula's markup is kept (markup.ts), so a setting seen before is only parsed as HTML
 *     again, not typeset again.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import 'katex/dist/katex.min.css';
import { whenIdle } from '../panel/schedule';
import { useAfterPaint } from '../panel/useAfterPaint';
import { texMarkup } from './markup';

export function Tex({ children, block = false }: { children: string; block?: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  const tex = useAfterPaint(children);
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let live = true;
    void whenIdle().then(() => live && setIdle(true));
    return () => {
      live = false;
    };
  }, []);
  useLayoutEffect(() => {
    if (idle && ref.current) ref.current.innerHTML = texMarkup(tex, block);
  }, [idle, tex, block]);
  // A wide block formula scrolls sideways on a phone; tabIndex lets keyboard users scroll it too.
  return block ? <span ref={ref} className="tex tex-block" tabIndex={0} /> : <span ref={ref} className="tex" />;
}
