/**
 * A KaTeX formula. Rendered into a ref (no innerHTML string from us); formulas are constants
 * written in the panels, never user input. throwOnError is off so a typo shows red source text
 * instead of breaking the panel.
 */
import { useLayoutEffect, useRef } from 'react';
import katex from 'katex';
import 'katex/dist/katex.min.css';

export function Tex({ children, block = false }: { children: string; block?: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    if (ref.current) katex.render(children, ref.current, { displayMode: block, throwOnError: false, output: 'htmlAndMathml' });
  }, [children, block]);
  // A wide block formula scrolls sideways on a phone; tabIndex lets keyboard users scroll it too.
  return block ? <span ref={ref} className="tex tex-block" tabIndex={0} /> : <span ref={ref} className="tex" />;
}
