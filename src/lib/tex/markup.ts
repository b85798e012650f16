/**
 * KaTeX's markup for a formula, typeset once and kept: the last KEEP formulas (least recently
 * used dropped; a Map iterates oldest first), so a slider moved back and forth does not typeset
 * the same formula again. Pure apart from the cache.
 */
import katex from 'katex';

export const KEEP = 200;
const markup = new Map<string, string>();

export function texMarkup(tex: string, block: boolean): string {
  const key = `${block ? 'B' : 'I'}${tex}`;
  let html = markup.get(key);
  if (html === undefined) {
    html = katex.renderToString(tex, { displayMode: block, throwOnError: false, output: 'htmlAndMathml' });
    if (markup.size >= KEEP) markup.delete(markup.keys().next().value!);
  } else markup.delete(key);
  markup.set(key, html);
  return html;
}

/** Formulas kept now (tests). */
export const keptFormulas = () => markup.size;
