/**
 * A plot as one standalone SVG file (issue 14). A figure on screen is layers: SVG marks, canvas
 * heat maps and scatters, and HTML for the title, legend and note, styled by the app's CSS. The
 * file must look the same opened anywhere, so each layer is placed where it sits on screen (by
 * its bounding box): SVG cloned with its computed styles written inline, canvases as embedded PNG
 * images, HTML text as SVG text and colour swatches as rectangles. The panel title and the link
 * of the exact state go in the bottom corner and in the file's metadata.
 */

/** Presentation properties that CSS sets on our SVG marks; copied as inline styles. */
const SVG_PROPS = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linecap',
  'stroke-linejoin', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor',
  'dominant-baseline', 'paint-order', 'visibility', 'display',
] as const;

const NS = 'http://www.w3.org/2000/svg';

export interface ExportMeta {
  title: string;
  link: string;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function inlineStyles(live: Element, copy: Element): void {
  const cs = getComputedStyle(live);
  const style = SVG_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
  copy.setAttribute('style', style);
  const a = live.children;
  const b = copy.children;
  for (let i = 0; i < a.length && i < b.length; i++) inlineStyles(a[i], b[i]);
}

function visible(el: Element): boolean {
  const r = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  // Visually hidden text for screen readers (1 px, clipped) is not part of the picture.
  const clipped = (cs.clip !== 'auto' && cs.clip !== '') || (cs.clipPath !== 'none' && cs.clipPath !== '' && !(el instanceof SVGElement));
  return r.width > 1 && r.height > 1 && cs.visibility !== 'hidden' && cs.display !== 'none' && !clipped;
}

/** A text node as the lines the browser wrapped it into, each with its box. */
function textLines(node: Text): { text: string; rect: DOMRect }[] {
  const src = node.textContent ?? '';
  const lines: { text: string; rect: DOMRect }[] = [];
  const range = document.createRange();
  let top = Number.NaN;
  for (const m of src.matchAll(/\S+/g)) {
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    const r = range.getClientRects()[0];
    if (!r || r.width === 0) continue;
    if (lines.length > 0 && Math.abs(r.top - top) < r.height / 2) lines[lines.length - 1].text += ` ${m[0]}`;
    else {
      lines.push({ text: m[0], rect: r });
      top = r.top;
    }
  }
  return lines;
}

function isTransparent(c: string): boolean {
  return c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
}

/** The figure as SVG text; `skip` elements (the menu itself) are left out. */
export function composeSvg(figure: HTMLElement, meta: ExportMeta, skip?: Element | null): string {
  const box = figure.getBoundingClientRect();
  const w = Math.ceil(box.width);
  const footer = 22;
  const h = Math.ceil(box.height) + footer;
  const figCs = getComputedStyle(figure);
  const bg = getComputedStyle(document.body).backgroundColor;
  const parts: string[] = [`<rect width="${w}" height="${h}" fill="${esc(bg)}"/>`];
  const at = (r: DOMRect) => ({ x: r.left - box.left, y: r.top - box.top, w: r.width, h: r.height });
  const skipped = (el: Element) => !!skip && (skip === el || skip.contains(el));

  const walk = (el: Element) => {
    if (skipped(el) || !visible(el)) return;
    if (el instanceof SVGSVGElement) {
      const r = at(el.getBoundingClientRect());
      const copy = el.cloneNode(true) as SVGSVGElement;
      inlineStyles(el, copy);
      copy.removeAttribute('class');
      copy.setAttribute('x', String(r.x));
      copy.setAttribute('y', String(r.y));
      copy.setAttribute('width', String(r.w));
      copy.setAttribute('height', String(r.h));
      copy.style.removeProperty('position');
      parts.push(new XMLSerializer().serializeToString(copy));
      return;
    }
    if (el instanceof HTMLCanvasElement) {
      const r = at(el.getBoundingClientRect());
      let href = '';
      try {
        href = el.toDataURL('image/png');
      } catch {
        return; // a tainted canvas cannot be read; the rest of the plot is still saved
      }
      parts.push(`<image x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}" preserveAspectRatio="none" href="${href}"/>`);
      return;
    }
    const cs = getComputedStyle(el);
    // Swatches and filled boxes (legend keys, colour bars drawn in HTML).
    if (!isTransparent(cs.backgroundColor) && el !== figure) {
      const r = at(el.getBoundingClientRect());
      parts.push(`<rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}" fill="${esc(cs.backgroundColor)}"/>`);
    }
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === Node.TEXT_NODE) {
        const font = `font-family:${cs.fontFamily};font-size:${cs.fontSize};font-weight:${cs.fontWeight};font-style:${cs.fontStyle}`;
        for (const line of textLines(node as Text)) {
          const r = at(line.rect);
          parts.push(`<text x="${r.x}" y="${r.y + r.h * 0.8}" fill="${esc(cs.color)}" style="${esc(font)}">${esc(line.text)}</text>`);
        }
      } else if (node instanceof Element) walk(node);
    }
  };
  walk(figure);

  const small = `font-family:${figCs.fontFamily};font-size:10px`;
  const muted = getComputedStyle(document.body).color;
  // The full link is in the metadata; the corner shows as much as fits (about 5.6 px a character).
  const fits = Math.max(20, Math.floor((w - 8) / 5.6));
  const full = `ML Intuition · ${meta.title} · ${meta.link}`;
  const corner = full.length > fits ? `${full.slice(0, fits - 1)}…` : full;
  parts.push(`<text x="${w - 4}" y="${h - 7}" text-anchor="end" fill="${esc(muted)}" fill-opacity="0.7" style="${esc(small)}">${esc(corner)}</text>`);
  return (
    `<svg xmlns="${NS}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<title>${esc(meta.title)}</title><metadata>${esc(meta.link)}</metadata>${parts.join('')}</svg>`
  );
}
