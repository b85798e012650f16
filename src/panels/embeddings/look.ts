/** Colours and small formats the panel's views share. */
import { categorical, MUTED } from '../../lib/plot/colors';
import { FAMILY, type Family } from './corpus';

export const FAMILY_COLOR: Record<Family, string> = { people: categorical(0), places: categorical(1), verbs: categorical(2) };
export const FAMILY_LABEL: Record<Family, string> = { people: 'people', places: 'countries and capitals', verbs: 'verbs and past tenses' };
export const CONTEXT_COLOR = MUTED;

/** Every word of pasted text: there are no families to tell apart. */
export const TEXT_COLOR = categorical(0);

/** A word's colour: its family in the built-in corpus (context words grey); one colour for pasted text. */
export function wordColor(w: string, builtin: boolean): string {
  if (!builtin) return TEXT_COLOR;
  const f = FAMILY[w];
  return f ? FAMILY_COLOR[f] : CONTEXT_COLOR;
}

/** A cosine to three decimals, with a true minus sign. */
export const fmtCos = (v: number): string => v.toFixed(3).replace('-', '−');
