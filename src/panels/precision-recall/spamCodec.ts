/**
 * The compact form of the spam corpus that the build ships (virtual:spam-corpus) and the panel
 * reads back. Each email is one string: its group's index (one digit), then its distinct token ids
 * in increasing order, two characters each in a 64-letter alphabet (so at most 4096 tokens).
 * Pure: no Node, no DOM; shared by the build-time extractor and the browser.
 */

export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
export const MAX_VOCAB = ALPHABET.length * ALPHABET.length;

/** The corpus groups, in the order their index is written. Spam groups start with "spam". */
export const GROUPS = ['easy-ham-1', 'easy-ham-2', 'hard-ham-1', 'spam-1', 'spam-2'] as const;
export type Group = (typeof GROUPS)[number];

export const isSpamGroup = (g: number): boolean => GROUPS[g]?.startsWith('spam') ?? false;

/** What the virtual module exports. */
export interface CompactCorpus {
  /** Token of each id. */
  vocab: string[];
  /** One encoded string per email (see encodeEmail), joined by single spaces. */
  emails: string;
  /** Where the data comes from, for the panel's credit line. */
  source: string;
}

/** A decoded email: its label (1 = spam), group index and sorted distinct token ids. */
export interface EmailRow {
  label: 0 | 1;
  group: number;
  tokens: Int32Array;
}

const CODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) CODE[ALPHABET.charCodeAt(i)] = i;

export function encodeEmail(group: number, tokenIds: readonly number[]): string {
  if (!(group >= 0 && group < GROUPS.length)) throw new Error(`bad group ${group}`);
  const ids = [...new Set(tokenIds)].sort((a, b) => a - b);
  let s = String(group);
  for (const id of ids) {
    if (!(id >= 0 && id < MAX_VOCAB)) throw new Error(`token id ${id} out of range`);
    s += ALPHABET[id >> 6] + ALPHABET[id & 63];
  }
  return s;
}

export function decodeEmail(s: string): EmailRow {
  const group = s.charCodeAt(0) - 48;
  if (!(group >= 0 && group < GROUPS.length) || (s.length - 1) % 2 !== 0) throw new Error('malformed email record');
  const tokens = new Int32Array((s.length - 1) / 2);
  for (let k = 0, i = 1; i < s.length; i += 2, k++) {
    const hi = CODE[s.charCodeAt(i)], lo = CODE[s.charCodeAt(i + 1)];
    if (hi < 0 || lo < 0) throw new Error('malformed email record');
    tokens[k] = (hi << 6) | lo;
  }
  return { label: isSpamGroup(group) ? 1 : 0, group, tokens };
}

export function decodeCorpus(c: CompactCorpus): EmailRow[] {
  return c.emails.length ? c.emails.split(' ').map(decodeEmail) : [];
}
