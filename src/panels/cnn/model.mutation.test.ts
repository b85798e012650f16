/**
 * What the PyTorch and nested-loop checks in model.test.ts leave open (found by mutation testing):
 * the kernel view when nothing fits, what each preset kernel does to an image (and that its label
 * says so), the exact characters of the drawing's link format, and the digit generator's pen,
 * strokes and transforms. Expectations are hand-worked values and closed forms.
 */
import { describe, expect, it } from 'vitest';
import { stream } from '../../lib/random/rng';
import { computeKernelView, conv2d, fromRows, grid, presetOf, PRESET_LABELS, PRESETS, toRows, windowTerms, type PresetName } from './model';
import { decodeImage, encodeImage, quantize } from './modelImage';
import { CLEAN, digitBatch, drawJitter, exampleDigit, heldOut, PIXELS, rasterStrokes, renderDigit, SIZE, STROKES, trainBatch, type Jitter } from './modelDigits';

const same = { stride: 1, pad: 1, dil: 1 };

describe('cnn: the kernel view at the edges of its settings', () => {
  it('an output with no position (the dilated kernel is wider than the padded input) has no window', () => {
    const image = grid(4, 4, Array.from({ length: 16 }, (_, i) => i));
    const r = computeKernelView({ image, kernel: [...PRESETS.identity], stride: 1, pad: 0, dil: 3, pos: 5, poolKind: 'max', poolSize: 2, poolStride: 2 });
    // Span (3 − 1)·3 + 1 = 7 > 4: nothing fits.
    expect([r.out.h, r.out.w, r.positions]).toEqual([0, 0, 0]);
    expect([r.pos, r.row, r.col, r.value]).toEqual([0, -1, -1, 0]);
    expect(r.terms).toEqual([]);
  });
  it('rounds a fractional position, clamps a negative one to 0, and reads the identity kernel’s window', () => {
    const image = grid(4, 5, Array.from({ length: 20 }, (_, i) => i + 1));
    const base = { image, kernel: [...PRESETS.identity], ...same, poolKind: 'avg' as const, poolSize: 2, poolStride: 2 };
    const r = computeKernelView({ ...base, pos: 6.6 });
    // 4 × 5 output (same padding); position 7 is row 1, column 2: the identity copies pixel (1, 2) = 8.
    expect([r.pos, r.row, r.col, r.value]).toEqual([7, 1, 2, 8]);
    expect(r.terms).toHaveLength(9);
    expect(r.terms[4]).toEqual({ r: 1, c: 2, x: 8, k: 1 });
    expect(computeKernelView({ ...base, pos: -3 }).pos).toBe(0);
    // Average pooling 2×2 of the copied image: the top-left window (1 + 2 + 6 + 7) / 4.
    expect(r.pooled.data[0]).toBe(4);
  });
  it('a window at the bottom-right corner reads 0 in the padding below and right of the image', () => {
    const image = grid(3, 3, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const terms = windowTerms(image, grid(3, 3, PRESETS.blur), 2, 2, same);
    expect(terms.map((t) => t.x)).toEqual([5, 6, 0, 8, 9, 0, 0, 0, 0]);
    expect(terms.map((t) => [t.r, t.c])).toEqual([[1, 1], [1, 2], [1, 3], [2, 1], [2, 2], [2, 3], [3, 1], [3, 2], [3, 3]]);
  });
  it('grids from rows and back, including the empty one', () => {
    expect(toRows(fromRows([[1, 2, 3], [4, 5, 6]]))).toEqual([[1, 2, 3], [4, 5, 6]]);
    const empty = fromRows([]);
    expect([empty.h, empty.w, empty.data.length]).toEqual([0, 0, 0]);
  });
});

describe('cnn: what each preset does, and its label says', () => {
  // A 6 × 6 image dark on the left three columns and bright on the right: one vertical edge.
  const vertical = grid(6, 6, Array.from({ length: 36 }, (_, i) => (i % 6 >= 3 ? 1 : 0)));
  const horizontal = grid(6, 6, Array.from({ length: 36 }, (_, i) => (Math.floor(i / 6) >= 3 ? 1 : 0)));
  const flat = grid(6, 6, Array(36).fill(0.4));
  const valid = { stride: 1, pad: 0, dil: 1 };
  const k = (name: PresetName) => grid(3, 3, PRESETS[name]);
  it('identity copies, the blurs average (weights sum to 1), sharpen keeps flat areas, edges and Sobel give 0 there', () => {
    const img = grid(5, 5, Array.from({ length: 25 }, (_, i) => (i * 7) % 11));
    expect(Array.from(conv2d(img, k('identity'), same).data)).toEqual(Array.from(img.data));
    const sums = Object.fromEntries(Object.entries(PRESETS).map(([n, w]) => [n, w.reduce((a: number, b: number) => a + b, 0)]));
    expect(sums.blur).toBeCloseTo(1, 14);
    expect(sums.gaussian).toBeCloseTo(1, 14);
    expect(sums.sharpen).toBe(1);
    expect(sums.edges).toBe(0);
    expect(sums.sobelX).toBe(0);
    expect(sums.sobelY).toBe(0);
    // Box blur: all nine weights equal; Gaussian: 1-2-1 ⊗ 1-2-1 over 16.
    expect(PRESETS.blur.every((w) => w === PRESETS.blur[0])).toBe(true);
    const g = [1, 2, 1].flatMap((a) => [1, 2, 1].map((b) => (a * b) / 16));
    PRESETS.gaussian.forEach((w, i) => expect(w).toBeCloseTo(g[i], 15));
    // Sharpen = identity − the 4-neighbour Laplacian (centre −4, sides 1).
    const laplace4 = [0, 1, 0, 1, -4, 1, 0, 1, 0];
    expect([...PRESETS.sharpen]).toEqual(PRESETS.identity.map((v, i) => v - laplace4[i]));
    for (const name of ['blur', 'gaussian', 'sharpen'] as const) conv2d(flat, k(name), valid).data.forEach((v) => expect(v).toBeCloseTo(0.4, 14));
    for (const name of ['edges', 'sobelX', 'sobelY'] as const) conv2d(flat, k(name), valid).data.forEach((v) => expect(v).toBeCloseTo(0, 14));
  });
  it('Sobel x answers a vertical edge (left to right: +4) and not a horizontal one; Sobel y the other way round', () => {
    const sx = (img: typeof vertical) => toRows(conv2d(img, k('sobelX'), valid));
    const sy = (img: typeof vertical) => toRows(conv2d(img, k('sobelY'), valid));
    // Windows straddling the edge (output columns 1 and 2) see 1 + 2 + 1 = 4 on their right side.
    expect(sx(vertical)).toEqual(Array(4).fill([0, 4, 4, 0]));
    expect(sx(horizontal).flat().every((v) => v === 0)).toBe(true);
    expect(sy(horizontal)).toEqual([[0, 0, 0, 0], [4, 4, 4, 4], [4, 4, 4, 4], [0, 0, 0, 0]]);
    expect(sy(vertical).flat().every((v) => v === 0)).toBe(true);
    // The Laplacian answers both, with opposite signs on the two sides of the edge.
    expect(toRows(conv2d(vertical, k('edges'), valid))).toEqual(Array(4).fill([0, -3, 3, 0]));
    expect(PRESET_LABELS.sobelX).toMatch(/vertical/);
    expect(PRESET_LABELS.sobelY).toMatch(/horizontal/);
  });
  it('every preset has its own label and is recognised from its own weights', () => {
    const names = Object.keys(PRESETS) as PresetName[];
    expect(names).toHaveLength(7);
    expect(new Set(names.map((n) => PRESET_LABELS[n])).size).toBe(7);
    names.forEach((n) => expect(PRESET_LABELS[n].length).toBeGreaterThan(4));
    names.forEach((n) => expect(presetOf([...PRESETS[n]])).toBe(n));
    // Within the 4 digits a link keeps, and not beyond.
    expect(presetOf(PRESETS.gaussian.map((w) => w + 4e-5))).toBe('gaussian');
    expect(presetOf(PRESETS.gaussian.map((w, i) => (i === 4 ? w + 6e-5 : w)))).toBeNull();
    // 0.00005 rounds to 0.0001 at 4 digits: no longer the 0 of the identity.
    expect(presetOf([5e-5, 0, 0, 0, 1, 0, 0, 0, 0])).toBeNull();
  });
});

describe('cnn: the drawing’s link format, character by character', () => {
  it('quantizes to 16 levels, clamping to [0, 1] and reading NaN as paper', () => {
    const q = quantize([-1, 2, Number.NaN, 0.5, 0.62]);
    expect(q).toHaveLength(PIXELS);
    // 0.5·15 = 7.5 rounds to 8; 0.62·15 = 9.3 rounds to 9.
    expect(Array.from(q.slice(0, 5))).toEqual([0, 1, 0, Math.fround(8 / 15), Math.fround(9 / 15)]);
    expect(q.slice(5).every((v) => v === 0)).toBe(true);
  });
  it('blank runs: 2 … 21 pixels as g … z, a single blank pixel as 0', () => {
    // 256 blank pixels = 12 runs of 21 ('z') and one of 4 ('i').
    expect(encodeImage(new Float32Array(PIXELS))).toBe('z'.repeat(12) + 'i');
    // ink, one blank, ink, then 253 blank = 12 × 21 + 1.
    const px = new Float32Array(PIXELS);
    px[0] = 1;
    px[2] = 1;
    expect(encodeImage(px)).toBe('f0f' + 'z'.repeat(12) + '0');
    // A run of exactly two blank pixels is 'g' (shorter than '00').
    const two = new Float32Array(PIXELS);
    two[0] = 1;
    two[3] = 1;
    expect(encodeImage(two)).toBe('fgf' + 'z'.repeat(12));
    // Full ink (level 15 = f) and a grey of 7/15 (7).
    expect(encodeImage(new Float32Array(PIXELS).fill(1))).toBe('f'.repeat(PIXELS));
    px[1] = 7 / 15;
    px[3] = 7 / 15;
    // ink, grey, ink, grey, then 252 blank = 12 × 21.
    expect(encodeImage(px)).toBe('f7f7' + 'z'.repeat(12));
  });
  it('decodes each character: hex digits, run letters g … z, upper case as lower case', () => {
    const d = decodeImage('F7g' + 'z'.repeat(12) + 'h');
    // 2 + 2 + 252 + 3 = 259 pixels: cut to 256.
    expect(Array.from(d.pixels.slice(0, 4))).toEqual([1, Math.fround(7 / 15), 0, 0]);
    expect(d.problem).toBe('the drawing in the link was too long (259 pixels); it was cut to 256');
    expect(decodeImage('z'.repeat(12) + 'i').problem).toBeNull();
    expect(decodeImage('z'.repeat(12) + 'i').pixels.every((v) => v === 0)).toBe(true);
    // '{' follows 'z' and is not a run letter.
    expect(decodeImage('{' + 'z'.repeat(12) + 'i').problem).toBe('the drawing in the link held 1 unknown character, which was skipped');
    expect(decodeImage('{}' + 'z'.repeat(12) + 'i').problem).toBe('the drawing in the link held 2 unknown characters, which were skipped');
    expect(decodeImage('1z').problem).toBe('the drawing in the link was short (22 of 256 pixels); the rest is blank');
    expect(decodeImage('1z').pixels[0]).toBe(Math.fround(1 / 15));
    // Unknown characters are named before a wrong length.
    expect(decodeImage('!1').problem).toMatch(/1 unknown character/);
  });
});

describe('cnn: the digits’ pen, strokes and transforms', () => {
  it('a single point is drawn as a round dot of the pen’s width (coverage w/2 + 1/2 − distance)', () => {
    const im = rasterStrokes([[[8.5, 8.5]]], 2);
    // reach = 1.5: the centre pixel 1, its side neighbours 0.5, the diagonal ones 1.5 − √2.
    expect(im[8 * SIZE + 8]).toBe(1);
    expect(im[8 * SIZE + 9]).toBeCloseTo(0.5, 12);
    expect(im[7 * SIZE + 8]).toBeCloseTo(0.5, 12);
    expect(im[9 * SIZE + 9]).toBeCloseTo(1.5 - Math.SQRT2, 6);
    expect(im.reduce((a, v) => a + v, 0)).toBeCloseTo(1 + 4 * 0.5 + 4 * (1.5 - Math.SQRT2), 6);
  });
  it('ink near an edge is cut there, never wrapped onto the other side of the image', () => {
    // A dot of reach 1.5 at x = 0.3: pixel centres at x = −0.5 and −1.5 lie outside the image; a
    // row-major index that let them through would land on the last columns of the row above.
    // (The image is float32: 6 digits.)
    const left = rasterStrokes([[[0.3, 8.5]]], 2);
    // Coverage min(1, 1.5 − distance): 1 on the dot's pixel, 0.3 beside it, 1.5 − √(0.2² + 1) above and below.
    const side = 1.5 - Math.hypot(0.2, 1);
    expect(left[8 * SIZE]).toBe(1);
    expect(left[8 * SIZE + 1]).toBeCloseTo(0.3, 6);
    expect(left[7 * SIZE]).toBeCloseTo(side, 6);
    expect(left.reduce((a, v) => a + v, 0)).toBeCloseTo(1.3 + 2 * side, 6);
    const right = rasterStrokes([[[SIZE - 0.3, 8.5]]], 2);
    expect(right[8 * SIZE + SIZE - 1]).toBe(1);
    expect(right[9 * SIZE]).toBe(0);
    expect(right.reduce((a, v) => a + v, 0)).toBeCloseTo(1.3 + 2 * side, 6);
    // Top and bottom: the same dot turned by 90°.
    const top = rasterStrokes([[[8.5, 0.3]]], 2), bottom = rasterStrokes([[[8.5, SIZE - 0.3]]], 2);
    expect(top[8]).toBe(1);
    expect(bottom[(SIZE - 1) * SIZE + 8]).toBe(1);
    for (const im of [top, bottom]) expect(im.reduce((a, v) => a + v, 0)).toBeCloseTo(1.3 + 2 * side, 6);
  });
  it('a segment ends at its end points (round caps), and overlapping strokes take the darker ink, not the sum', () => {
    const im = rasterStrokes([[[4, 8.5], [12, 8.5]]], 1);
    // Along row 8 the distance to the segment is how far the pixel centre lies past an end.
    const row = Array.from({ length: SIZE }, (_, c) => im[8 * SIZE + c]);
    const want = row.map((_, c) => Math.min(1, Math.max(0, 1 - Math.max(0, 4 - (c + 0.5), c + 0.5 - 12))));
    row.forEach((v, c) => expect(v).toBeCloseTo(want[c], 6));
    expect(row.slice(2, 15)).toEqual([0, 0.5, 1, 1, 1, 1, 1, 1, 1, 1, 0.5, 0, 0]);
    // A second stroke across it, and a polyline's second segment drawn too.
    const cross = rasterStrokes([[[4, 8.5], [12, 8.5]], [[8.5, 2], [8.5, 8.5], [14, 8.5]]], 1);
    expect(cross[8 * SIZE + 8]).toBe(1);
    expect(cross[8 * SIZE + 13]).toBe(1);
    expect(cross[3 * SIZE + 8]).toBe(1);
    expect(Math.max(...cross)).toBe(1);
    // Nothing between the polyline's far ends (a segment from each point to the last would pass here).
    expect(cross[5 * SIZE + 11]).toBe(0);
    // Two parallel strokes half a pixel apart: row 8 is on the first (1) and half covered by the
    // second (0.5); the pixel keeps 1 whichever comes last. Row 9 only the second reaches.
    for (const order of [0, 1]) {
      const lines: [number, number][][] = [[[4, 8.5], [12, 8.5]], [[4, 9], [12, 9]]];
      const im2 = rasterStrokes(order ? lines.reverse() : lines, 1);
      expect([im2[8 * SIZE + 6], im2[9 * SIZE + 6]]).toEqual([1, 0.5]);
    }
  });
  it('every digit is one or more strokes of at least two (x, y) points inside the unit box', () => {
    expect(STROKES).toHaveLength(10);
    for (const strokes of STROKES) {
      expect(strokes.length).toBeGreaterThan(0);
      for (const st of strokes) {
        expect(st.length).toBeGreaterThanOrEqual(2);
        for (const p of st) {
          expect(p).toHaveLength(2);
          for (const v of p) expect(v >= 0 && v <= 1).toBe(true);
        }
      }
    }
  });
  it('the 0 is an ellipse of radii 0.21 × 0.35 about the box centre, a point every 15°', () => {
    const ring = STROKES[0][0];
    expect(ring).toHaveLength(25);
    ring.forEach(([x, y], i) => {
      const a = (i * 15 * Math.PI) / 180;
      expect(x).toBeCloseTo(0.5 + 0.21 * Math.cos(a), 12);
      expect(y).toBeCloseTo(0.5 + 0.35 * Math.sin(a), 12);
    });
    // The 2's arc from 200° to 385° (185°): round(185 / 15) = 12 steps, 13 points, then two lines.
    const two = STROKES[2][0];
    expect(two).toHaveLength(15);
    expect(two[12][0]).toBeCloseTo(0.5 + 0.21 * Math.cos((385 * Math.PI) / 180), 12);
    expect(two[12][1]).toBeCloseTo(0.34 + 0.2 * Math.sin((385 * Math.PI) / 180), 12);
    expect(STROKES).toHaveLength(10);
  });
  it('the clean digit is its strokes scaled to the image; a jitter moves them by rotation, stretch, shear and shift', () => {
    for (const d of [1, 4, 7]) {
      const want = rasterStrokes(STROKES[d].map((s) => s.map(([x, y]) => [x * SIZE, y * SIZE] as const)), CLEAN.width);
      renderDigit(d, CLEAN).forEach((v, i) => expect(v).toBeCloseTo(want[i], 9));
      // …and it is ink on paper: a stroke of pen width ≥ 1 over most of the box's height.
      expect(want.reduce((a, v) => a + v, 0)).toBeGreaterThan(SIZE / 2);
      expect(Array.from(exampleDigit(d, 0, 1))).toEqual(Array.from(exampleDigit(d, 0, 99)));
      expect(Array.from(exampleDigit(d, 0, 1))).toEqual(Array.from(renderDigit(d, CLEAN)));
    }
    // The transform as a matrix about the box centre: p' = R(rot) · [[sx, sx·shear], [0, sy]] · (p − ½) + ½ + (dx, dy).
    const j: Jitter = { rot: 0.2, sx: 0.9, sy: 1.1, shear: 0.25, dx: 0.05, dy: -0.04, width: 1.2, wobble: 0 };
    const [c, s] = [Math.cos(j.rot), Math.sin(j.rot)];
    const M = [
      [c * j.sx, c * j.sx * j.shear - s * j.sy],
      [s * j.sx, s * j.sx * j.shear + c * j.sy],
    ];
    const moved = STROKES[7].map((st) =>
      st.map(([x, y]) => [(M[0][0] * (x - 0.5) + M[0][1] * (y - 0.5) + 0.5 + j.dx) * SIZE, (M[1][0] * (x - 0.5) + M[1][1] * (y - 0.5) + 0.5 + j.dy) * SIZE] as const),
    );
    const want = rasterStrokes(moved, j.width);
    renderDigit(7, j).forEach((v, i) => expect(v).toBeCloseTo(want[i], 9));
    // Without wobble the random stream is not touched; with it, each point moves by about the
    // wobble: the image changes, but the ink stays where it was to within a pixel or so.
    const r = stream(4, 'w');
    renderDigit(7, j, r);
    expect(r.next()).toBe(stream(4, 'w').next());
    const wobbly = renderDigit(7, { ...j, wobble: 0.035 }, stream(4, 'w'));
    expect(Array.from(wobbly)).not.toEqual(Array.from(want));
    const centre = (im: Float32Array) => {
      let m = 0, sx = 0, sy = 0;
      im.forEach((v, i) => ((m += v), (sx += v * (i % SIZE)), (sy += v * Math.floor(i / SIZE))));
      return [sx / m, sy / m];
    };
    const [a, b] = [centre(wobbly), centre(want)];
    expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeLessThan(1.5);
  });
  it('handwriting jitter stays in its ranges and uses both sides of each', () => {
    const rng = stream(8, 'jitter-test');
    const js = Array.from({ length: 400 }, () => drawJitter(rng));
    const span = (f: (j: Jitter) => number) => [Math.min(...js.map(f)), Math.max(...js.map(f))];
    const within = (f: (j: Jitter) => number, lo: number, hi: number) => {
      const [a, b] = span(f);
      expect(a).toBeGreaterThanOrEqual(lo);
      expect(b).toBeLessThanOrEqual(hi);
      // 400 uniform draws: the extremes lie within 2 % of the range of its ends (miss chance e^−8).
      expect(a).toBeLessThan(lo + 0.02 * (hi - lo));
      expect(b).toBeGreaterThan(hi - 0.02 * (hi - lo));
    };
    within((j) => j.rot, -0.3, 0.3);
    within((j) => j.sy, 0.72, 1.08);
    within((j) => j.sx / j.sy, 0.8, 1.15);
    within((j) => j.shear, -0.3, 0.3);
    within((j) => j.dx, -0.12, 0.12);
    within((j) => j.dy, -0.1, 0.1);
    within((j) => j.width, 0.8, 2.3);
    expect(js.every((j) => j.wobble === 0.035)).toBe(true);
  });
  it('batches label from their offset and keep training and held-out streams apart', () => {
    expect(Array.from(digitBatch(3, 'x', 7, 3).y).sort()).toEqual([3, 4, 5, 6, 7, 8, 9]);
    // Step 3 of size 5 starts at label 15 mod 10 = 5.
    expect(Array.from(trainBatch(3, 3, 5).y).sort()).toEqual([5, 6, 7, 8, 9]);
    expect(Array.from(heldOut(3, 10).x)).not.toEqual(Array.from(trainBatch(3, 0, 10).x));
    // Steps 0 and 10 of size 10 have the same labels (offsets 0 and 100): only their own streams
    // keep the batches from repeating.
    expect(Array.from(trainBatch(3, 10, 10).x)).not.toEqual(Array.from(trainBatch(3, 0, 10).x));
    expect(Array.from(heldOut(3, 10).x)).not.toEqual(Array.from(digitBatch(3, '', 10).x));
    // Jittered examples: seeded, and another variant or seed draws another hand.
    expect(Array.from(exampleDigit(3, 1, 5))).not.toEqual(Array.from(exampleDigit(3, 2, 5)));
    expect(Array.from(exampleDigit(3, 1, 5))).not.toEqual(Array.from(exampleDigit(3, 1, 6)));
  });
});
