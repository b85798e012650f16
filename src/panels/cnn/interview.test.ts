/**
 * Interview mode (issue 15): each check's stated answer is what the kernel view (model.ts, the
 * page's float64 convolution) computes at the check's state, defaults plus the state as a link
 * opens it. The network show-me state is one of the experiments (checked by experiments.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, quotedNumbers } from '../../lib/panel/quoted';
import panel from './panel';
import { computeKernelView, grid, receptiveField } from './model';
import { SIZE } from './modelDigits';
import { schema, type CnnParams } from './params';
import { inputImage } from './useInputImage';
import { interview } from './interview';

const P = (over: Partial<CnnParams>): CnnParams => ({ ...defaults(schema), ...over });
const view = (p: CnnParams) =>
  computeKernelView({ image: grid(SIZE, SIZE, inputImage(p).pixels), kernel: p.k, stride: p.stride, pad: p.pad, dil: p.dil, pos: p.pos, poolKind: p.pool, poolSize: p.psize, poolStride: p.pstride });
const byId = Object.fromEntries(interview.checks.map((c) => [c.id, c]));
const links = interview.answer.flat().filter((x) => typeof x !== 'string');

describe('cnn interview', () => {
  it('the answer is 120–250 words with at least two "show me" links, quoting no number', () => {
    const text = interview.answer.map((p) => p.map((x) => (typeof x === 'string' ? x : x.text)).join('')).join(' ');
    const n = text.split(/\s+/).filter(Boolean).length;
    expect(n).toBeGreaterThanOrEqual(120);
    expect(n).toBeLessThanOrEqual(250);
    expect(links.length).toBeGreaterThanOrEqual(2);
    expectQuoted(text, { '2': links[1].params.stride! });
  });

  it('each "show me" state shows its claim', () => {
    const [, stride, dilation, pooling, network] = links.map((l) => P(l.params));
    expect(view(P({})).terms).toHaveLength(9); // one multiply-add of nine terms per output
    expect(view(stride).out.w).toBe(SIZE / 2);
    expect(receptiveField(3, dilation.dil)).toBeGreaterThan(3);
    const avg = view(pooling).pooled, max = view(P({})).pooled;
    for (let i = 0; i < avg.data.length; i++) expect(avg.data[i]).toBeLessThanOrEqual(max.data[i] + 1e-12);
    expect(panel.experiments.some((e) => e.params.mode === 'network' && e.params.steps === network.steps && e.params.train)).toBe(true);
  });

  it('stride 2, padding 1 on 16×16: 8 per side', () => {
    const c = byId['stride-size'];
    const p = P(c.state);
    const r = view(p);
    expect(r.out.h).toBe(r.out.w);
    expect(c.options.indexOf(String(r.out.w))).toBe(c.answer);
    expectQuoted(c.question, { '16': SIZE, '3': 'setting', '2': p.stride, '1': p.pad });
    expectQuoted(c.why, { '18': SIZE + 2 * p.pad, '3': 'setting', '0': 'setting', '15': SIZE + 2 * p.pad - 3, '8': r.out.w });
  });

  it('dilation 2: each output sees 5 pixels across', () => {
    const c = byId['dilation-view'];
    const p = P(c.state);
    // Measured on the view: the covered columns of one window, first to last.
    const cols = view(p).terms.map((t) => t.c);
    const span = Math.max(...cols) - Math.min(...cols) + 1;
    expect(span).toBe(receptiveField(3, p.dil));
    expect(c.options.indexOf(String(span))).toBe(c.answer);
    expectQuoted(c.question, { '3': 'setting', '2': p.dil });
    expectQuoted(c.why, { '3': 'setting', '1': 'setting', '2': p.dil });
  });

  it('Sobel x over blank paper: exactly 0', () => {
    const c = byId['sobel-blank'];
    const p = P(c.state);
    const r = view(p);
    expect(r.terms.every((t) => t.x === 0)).toBe(true); // the window really is blank
    expect(p.k.reduce((a, b) => a + b, 0)).toBe(0); // "its weights sum to zero"
    const computed = r.value === 0 ? 0 : r.value === Math.max(...r.out.data) ? 2 : 1;
    expect(c.options[computed]).toBe(c.options[c.answer]);
  });

  it('follow-ups quote no number', () => {
    expect(quotedNumbers(interview.followUps.map((f) => `${f.question} ${f.answer}`).join(' ').replace(/1×1/g, ''))).toEqual([]);
  });
});
