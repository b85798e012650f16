/**
 * Interview mode (issue 15): each check's stated answer is what the panel's models compute at the
 * check's state (the functions its worker runs, defaults plus the state, as a link opens it).
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, quotedNumbers } from '../../lib/panel/quoted';
import { dataOf, RlRun, rlConfigOf, semiRun, semiView, supervised, unsupervised } from './model';
import { schema, type LpParams } from './params';
import { interview } from './interview';

const P = (over: Partial<LpParams>): LpParams => ({ ...defaults(schema), ...over });
const byId = Object.fromEntries(interview.checks.map((c) => [c.id, c]));
const links = interview.answer.flat().filter((x) => typeof x !== 'string');

describe('learning-paradigms interview', () => {
  it('the answer is 120–250 words with at least two "show me" links', () => {
    const text = interview.answer.map((p) => p.map((x) => (typeof x === 'string' ? x : x.text)).join('')).join(' ');
    const n = text.split(/\s+/).filter(Boolean).length;
    expect(n).toBeGreaterThanOrEqual(120);
    expect(n).toBeLessThanOrEqual(250);
    expect(links.length).toBeGreaterThanOrEqual(2);
    expect(quotedNumbers(text).filter((t) => t !== '')).toEqual([]);
  });

  it('each "show me" state shows its claim', () => {
    const [rings, structure, six, cliff] = links.map((l) => P(l.params));
    expect(supervised({ ...dataOf(rings), clf: rings.clf, k: rings.k }).testAcc).toBeGreaterThan(0.9);
    expect(unsupervised({ ...dataOf(structure), clusters: structure.clusters, eps: structure.eps, minPts: structure.minPts }).km.ari).toBeLessThan(0.5);
    const r = semiRun({ ...dataOf(six), labelled: six.labelled, method: six.method, gamma: six.gamma, alpha: six.alpha });
    expect(r.labelled.length).toBe(6);
    expect(semiView(r, six.iter).acc[semiView(r, six.iter).iter]).toBeGreaterThan(0.95);
    const v = new RlRun(rlConfigOf(cliff)).view({ episode: cliff.episode, move: cliff.move });
    expect(v.greedyReturn).toBeCloseTo(v.optimalReturn!, 9);
  });

  it('k-means on the moons: a straight cut, not the moons', () => {
    const c = byId['kmeans-moons'];
    const p = P(c.state);
    const ari = unsupervised({ ...dataOf(p), clusters: p.clusters, eps: p.eps, minPts: p.minPts }).km.ari;
    const more = P({ ...c.state, n: 400 });
    const ariMore = unsupervised({ ...dataOf(more), clusters: more.clusters, eps: more.eps, minPts: more.minPts }).km.ari;
    const computed = ari > 0.9 ? 1 : ariMore > 0.9 ? 2 : 0;
    expect(c.options[computed]).toBe(c.options[c.answer]);
    expectQuoted(c.question, { '2': p.clusters });
  });

  it('rings: nearest neighbours beat logistic regression', () => {
    const c = byId['circles-logistic'];
    const p = P(c.state);
    const lr = supervised({ ...dataOf(p), clf: 'logistic', k: p.k }).testAcc;
    const knn = supervised({ ...dataOf(p), clf: 'knn', k: p.k }).testAcc;
    const computed = knn > lr + 0.1 ? 0 : lr > knn + 0.1 ? 1 : 2;
    expect(c.options[computed]).toBe(c.options[c.answer]);
  });

  it('six labels: propagation clearly beats the nearest labelled point', () => {
    const c = byId['propagation-vs-nearest'];
    const p = P(c.state);
    const r = semiRun({ ...dataOf(p), labelled: p.labelled, method: p.method, gamma: p.gamma, alpha: p.alpha });
    const v = semiView(r, p.iter);
    expect(r.labelled.length).toBe(6);
    const acc = v.acc[v.iter];
    const computed = acc > r.baseline + 0.05 ? 0 : acc < r.baseline - 0.05 ? 1 : 2;
    expect(c.options[computed]).toBe(c.options[c.answer]);
  });

  it('no other text quotes a number', () => {
    expect(quotedNumbers(interview.checks.map((c) => c.why).join(' '))).toEqual([]);
    expect(quotedNumbers(interview.followUps.map((f) => `${f.question} ${f.answer}`).join(' '))).toEqual([]);
  });
});
