/**
 * "Save" on a plot (issue 14): SVG, or PNG at 2×, of the figure it sits in, with the panel title
 * and the link of the exact state in the file. Put it inside the <figure>; lib/plot/Frame does.
 */
import { useRef, useState } from 'react';
import { composeSvg } from './composeSvg';
import { download, fileName, pngBlob, svgBlob } from './save';
import './export.css';

function meta() {
  // The address as it is (percent-encoding untouched), less the embed switch.
  const { origin, pathname, search } = window.location;
  const link = `${origin}${pathname}${search.replace(/[?&]embed=1(?=&|$)/, '')}`;
  return { title: document.title.replace(/ · ML Intuition$/, ''), link };
}

/** `corner` (default) floats at the figure's top right; `below` sits under a small figure whose
 *  caption has no room beside it. */
export function FigureMenu({ plotTitle, placement = 'corner' }: { plotTitle: string; placement?: 'corner' | 'below' }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async (kind: 'svg' | 'png') => {
    const details = ref.current;
    const figure = details?.closest('figure');
    if (!details || !figure) return;
    setError(null);
    try {
      const m = meta();
      const svg = composeSvg(figure as HTMLElement, m, details);
      const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
      const blob = kind === 'svg' ? svgBlob(svg) : await pngBlob(svg, w, h, 2);
      download(blob, fileName(m.title, plotTitle, kind));
      details.open = false;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <details ref={ref} className={placement === 'below' ? 'fig-menu fig-menu-below' : 'fig-menu'}>
      <summary aria-label={`Save the plot “${plotTitle}”`}>Save</summary>
      <div className="fig-menu-items">
        <button type="button" onClick={() => void save('svg')} data-testid="export-svg">
          SVG
        </button>
        <button type="button" onClick={() => void save('png')} data-testid="export-png">
          PNG (2×)
        </button>
        {error && <span role="alert">Could not save: {error}</span>}
      </div>
    </details>
  );
}
