/**
 * What a link carries besides a panel's params (issue 14): the app owns these keys on every route
 * (RESERVED_KEYS), they survive the address rewrites of a slider drag, and they are read as
 * untrusted input like everything else in a URL.
 * - `embed=1`: the panel alone (plots, controls, readout) for an iframe in slides or a course page;
 * - `note=…`: a short plain-text message from the sender, shown above the panel;
 * - `tour=N`: the learner is walking the "Try this" experiments, at number N (1-based);
 * - `show=answer`: with embed, the interview answer and checks come too (issue 15).
 */
import { UNSAFE_TEXT } from './schema';
import { splitQuery } from './url';

export const NOTE_MAX = 200;

export interface LinkExtras {
  embed: boolean;
  note: string;
  /** 1-based experiment number in the tour, or 0 when not touring. */
  tour: number;
  /** Embed the interview answer and checks as well. */
  showAnswer?: boolean;
}

export const NO_EXTRAS: LinkExtras = { embed: false, note: '', tour: 0 };

/** Plain text, single line, no control or bidi-override characters, at most NOTE_MAX characters. */
export function cleanNote(raw: string): string {
  const flat = raw.replace(UNSAFE_TEXT, ' ').replace(/\s+/g, ' ').trim();
  return Array.from(flat).slice(0, NOTE_MAX).join('').trim();
}

/** Reads the extras from a query string; never throws. `experiments` bounds the tour number. */
export function readExtras(search: string, experiments: number): LinkExtras {
  const { map } = splitQuery(search);
  const embed = map.get('embed') === '1';
  const note = cleanNote(map.get('note') ?? '');
  const t = map.get('tour') ?? '';
  const n = /^\d{1,3}$/.test(t) ? Number(t) : 0;
  const tour = experiments > 0 && n >= 1 ? Math.min(n, experiments) : 0;
  const x: LinkExtras = { embed, note, tour };
  if (map.get('show') === 'answer') x.showAnswer = true;
  return x;
}

/** The extras as query parts to append after a panel's params ('' when there are none). */
export function extrasQuery(x: LinkExtras): string {
  let q = '';
  if (x.tour > 0) q += `&tour=${x.tour}`;
  if (x.note) q += `&note=${encodeURIComponent(x.note)}`;
  if (x.embed) q += '&embed=1';
  if (x.showAnswer) q += '&show=answer';
  return q;
}
