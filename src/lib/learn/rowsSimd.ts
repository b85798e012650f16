/**
 * Sparse row sums for two or three classes in WebAssembly SIMD, for label spreading's iteration:
 * row i's sums s_c = Σ g_ij · F_jc over its kept entries, in column order. Each entry adds
 * g · (F_j0, F_j1) to two sums at once (one f64x2 multiply and add: lane 0 is class 0, lane 1
 * class 1; three classes take a second pair, F padded with a 0 to four numbers a row), and two
 * rows are summed side by side so the processor has independent additions in flight. Lane by lane
 * these are the IEEE double operations of the JavaScript loop, in the same order (WebAssembly's
 * SIMD set has no fused multiply-add and keeps subnormal numbers, as JavaScript does), so every
 * sum is equal to the bit (labelSpreading.test.ts); what it saves is the JavaScript loop's bounds
 * check on each read and half its arithmetic instructions.
 *
 * The module is assembled below from its instructions (about 1.6 kB); where WebAssembly or
 * its SIMD set is missing, rowsKernel returns null and the caller keeps its JavaScript loop.
 */

// ---- the module, instruction by instruction ----

/**
 * The module's bytes, assembled when first asked for (not when this file loads: a page that never
 * spreads labels never builds it, and every piece of the assembler runs under the tests like
 * any other code).
 */
export function rowsModule(): Uint8Array<ArrayBuffer> {
  return (assembled ??= assembleRowsModule());
}
let assembled: Uint8Array<ArrayBuffer> | undefined;

/** The bytes, assembled afresh on every call (rowsModule keeps one copy; the tests check this). */
export function assembleRowsModule(): Uint8Array<ArrayBuffer> {
  const uleb = (v: number): number[] => {
    const out: number[] = [];
    do {
      let b = v & 0x7f;
      v >>>= 7;
      if (v) b |= 0x80;
      out.push(b);
    } while (v);
    return out;
  };
  const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
  const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
  const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

  // Parameters (byte addresses in the module's memory): the rows to sum, their count, row starts,
  // each entry's F-row address, entry values, F (n rows of 2 or 4 numbers), out (one such row per row asked).
  const [ACT, M, START, COL, VAL, PREV, OUT] = [0, 1, 2, 3, 4, 5, 6];
  // Locals: index a into ACT; rows i, k; entry addresses p, pc (row i: value, column) up to e; q, qc
  // up to f (row k); an F-row address; the sums (two f64x2 a row for 4 numbers); the entry's value twice.
  const [A, I, K, P, E, Q, F, PC, QC, ADDR] = [7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
  const [S, T, S2, T2, GV] = [17, 18, 19, 20, 21];
  const I32 = 0x7f, V128 = 0x7b;

  const get = (x: number) => [0x20, x];
  const set = (x: number) => [0x21, x];
  const i32 = (v: number) => [0x41, v]; // small non-negative constants only (< 64)
  const ADD = [0x6a], SHL = [0x74], GE_U = [0x4f], GE_S = [0x4e];
  const LOAD32 = (offset: number) => [0x28, 2, offset];
  const LOAD64 = [0x2b, 3, 0];
  const LOAD128 = (offset: number) => [0xfd, 0x00, 4, offset];
  const STORE128 = (offset: number) => [0xfd, 0x0b, 4, offset];
  const ZERO = [0xfd, 0x0c, ...new Array<number>(16).fill(0)];
  const SPLAT = [0xfd, 0x14];
  const FADD = [0xfd, ...uleb(240)];
  const FMUL = [0xfd, ...uleb(242)];
  const BLOCK = [0x02, 0x40], LOOP = [0x03, 0x40], END = [0x0b];
  const BR = (l: number) => [0x0c, l];
  const BR_IF = (l: number) => [0x0d, l];

  /** p = VAL + 8·start[row], e = VAL + 8·start[row + 1], pc = COL + 4·start[row]. */
  const rowRange = (row: number, p: number, e: number, pc: number) => [
    ...get(START), ...get(row), ...i32(2), ...SHL, ...ADD, ...LOAD32(0), ...set(p),
    ...get(START), ...get(row), ...i32(2), ...SHL, ...ADD, ...LOAD32(4), ...set(e),
    ...get(COL), ...get(p), ...i32(2), ...SHL, ...ADD, ...set(pc),
    ...get(VAL), ...get(p), ...i32(3), ...SHL, ...ADD, ...set(p),
    ...get(VAL), ...get(e), ...i32(3), ...SHL, ...ADD, ...set(e),
  ];
  /** accs[h] += splat(value at p) · (F row at PREV + column at pc, numbers 2h, 2h + 1); p += 8; pc += 4. */
  const addEntry = (accs: number[], p: number, pc: number) => [
    ...get(p), ...LOAD64, ...SPLAT, ...set(GV),
    ...get(PREV), ...get(pc), ...LOAD32(0), ...ADD, ...set(ADDR),
    ...accs.flatMap((acc, h) => [...get(acc), ...get(GV), ...get(ADDR), ...LOAD128(16 * h), ...FMUL, ...FADD, ...set(acc)]),
    ...get(p), ...i32(8), ...ADD, ...set(p), ...get(pc), ...i32(4), ...ADD, ...set(pc),
  ];
  /** The entries left in one row. */
  const finish = (accs: number[], p: number, e: number, pc: number) => [...BLOCK, ...LOOP, ...get(p), ...get(e), ...GE_U, ...BR_IF(1), ...addEntry(accs, p, pc), ...BR(0), ...END, ...END];
  const actRow = (row: number, offset: number) => [...get(ACT), ...get(A), ...i32(2), ...SHL, ...ADD, ...LOAD32(offset), ...set(row)];

  /** The function for F rows of 2 numbers (wide = false) or 4 (wide: two f64x2 sums a row). */
  function body(wide: boolean): number[] {
    const si = wide ? [S, S2] : [S], tk = wide ? [T, T2] : [T];
    const shift = wide ? 5 : 4; // bytes of one out row: 16 or 32
    const zero = (accs: number[]) => accs.flatMap((acc) => [...ZERO, ...set(acc)]);
    /** out row a (+ `row` rows) = the sums. */
    const store = (accs: number[], row: number) => accs.flatMap((acc, h) => [...get(OUT), ...get(A), ...i32(shift), ...SHL, ...ADD, ...get(acc), ...STORE128(row * (1 << shift) + 16 * h)]);
    return [
      ...i32(0), ...set(A),
      // Pairs of rows while two are left: both rows' entries side by side, then each one's rest.
      ...BLOCK, ...LOOP,
      ...get(A), ...i32(1), ...ADD, ...get(M), ...GE_S, ...BR_IF(1),
      ...actRow(I, 0), ...actRow(K, 4), ...rowRange(I, P, E, PC), ...rowRange(K, Q, F, QC),
      ...zero(si), ...zero(tk),
      ...BLOCK, ...LOOP, ...get(P), ...get(E), ...GE_U, ...BR_IF(1), ...get(Q), ...get(F), ...GE_U, ...BR_IF(1),
      ...addEntry(si, P, PC), ...addEntry(tk, Q, QC), ...BR(0), ...END, ...END,
      ...finish(si, P, E, PC), ...finish(tk, Q, F, QC),
      ...store(si, 0), ...store(tk, 1),
      ...get(A), ...i32(2), ...ADD, ...set(A), ...BR(0),
      ...END, ...END,
      // The last row when their number is odd.
      ...BLOCK, ...get(A), ...get(M), ...GE_S, ...BR_IF(0),
      ...actRow(I, 0), ...rowRange(I, P, E, PC), ...zero(si), ...finish(si, P, E, PC), ...store(si, 0),
      ...END,
      ...END,
    ];
  }
  const code = (wide: boolean) => {
    const c = [...vec([[10, I32], [5, V128]]), ...body(wide)];
    return [...uleb(c.length), ...c];
  };

  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec([[0x60, ...vec(new Array<number[]>(7).fill([I32])), 0]])), // (i32 × 7) → ()
    ...section(3, vec([[0], [0]])),
    ...section(5, vec([[0x00, 1]])), // one memory, 1 page to start, grown per graph
    ...section(7, vec([[...name('rows2'), 0x00, 0], [...name('rows4'), 0x00, 1], [...name('memory'), 0x02, 0]])),
    ...section(10, vec([code(false), code(true)])),
  ]);
}

interface Shared {
  rows2: (...args: number[]) => void;
  rows4: (...args: number[]) => void;
  memory: WebAssembly.Memory;
  /** The kernel whose graph the memory holds now. */
  owner: object | null;
}

let shared: Shared | null | undefined;

/**
 * Tests only: forget the assembled bytes and the instance, so the next kernel assembles and
 * instantiates afresh (each test then runs the assembler itself, and a mutation test that
 * changes it is seen by every test of the sums, not only by the first one to load the module).
 */
export function forgetRowsModule(): void {
  assembled = undefined;
  shared = undefined;
}

/**
 * One instance (one memory) for all kernels, made once; null where WebAssembly SIMD is not there.
 * One memory, not one per run: each memory reserves a large range of address space, and a page
 * making hundreds of runs could run out of it before the collector frees them.
 */
function instance(): Shared | null {
  if (shared === undefined) {
    try {
      if (typeof WebAssembly !== 'object' || !WebAssembly.validate(rowsModule())) shared = null;
      else {
        const { rows2, rows4, memory } = new WebAssembly.Instance(new WebAssembly.Module(rowsModule())).exports as unknown as Omit<Shared, 'owner'>;
        shared = { rows2, rows4, memory, owner: null };
      }
    } catch {
      shared = null;
    }
  }
  return shared;
}

export interface RowsKernel {
  /** Numbers per F row: 2 (two classes), or 4 (three classes, the fourth 0). */
  stride: 2 | 4;
  /**
   * Sums the rows for F (n rows of `stride` numbers): row act[a]'s sums at stride·a + c of the
   * result (valid until the next run of any kernel).
   */
  run(prev: Float64Array): Float64Array;
}

/**
 * A kernel for these rows of this graph (compressed rows: start, col2 = 2j, val) and F rows of
 * `stride` numbers; null without WebAssembly SIMD. Kernels share the module's memory: a kernel
 * loads its graph into it when the last run was another kernel's (runs stepped in turn reload each
 * time; a page runs one at a time).
 */
export function rowsKernel(start: Int32Array, col2: Int32Array, val: Float64Array, act: Int32Array, stride: 2 | 4): RowsKernel | null {
  const inst = instance();
  if (!inst) return null;
  const n = start.length - 1, nnz = val.length, m = act.length;
  const align16 = (b: number) => Math.ceil(b / 16) * 16;
  const oAct = align16(4 * (n + 1)), oCol = align16(oAct + 4 * m), oVal = align16(oCol + 4 * nnz), oPrev = align16(oVal + 8 * nnz), oOut = align16(oPrev + 8 * stride * n);
  const bytes = oOut + 8 * stride * m;
  const me = {};
  let prevView = new Float64Array(0), outView = new Float64Array(0);
  const load = () => {
    const { memory } = inst;
    if (memory.buffer.byteLength < bytes) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / 65536));
    const buf = memory.buffer;
    new Int32Array(buf, 0, n + 1).set(start);
    new Int32Array(buf, oAct, m).set(act);
    const col = new Int32Array(buf, oCol, nnz);
    for (let p = 0; p < nnz; p++) col[p] = 4 * stride * col2[p]; // byte address of F's row j: 8·stride·j
    new Float64Array(buf, oVal, nnz).set(val);
    prevView = new Float64Array(buf, oPrev, stride * n);
    outView = new Float64Array(buf, oOut, stride * m);
    inst.owner = me;
  };
  const rows = stride === 2 ? inst.rows2 : inst.rows4;
  return {
    stride,
    run(prev) {
      if (inst.owner !== me) load();
      prevView.set(prev);
      rows(oAct, m, 0, oCol, oVal, oPrev, oOut);
      return outView;
    },
  };
}
