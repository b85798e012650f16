/**
 * Which buffers a message can move instead of copying: the ArrayBuffers under every typed array
 * (and DataView, bare ArrayBuffer, ImageBitmap) found anywhere in the value. Moving is free where
 * copying a large array costs milliseconds; the sender's arrays are left empty (detached), so only
 * fresh arrays may be moved (see expose.ts and the client's `transferInput`).
 * Pure: no DOM beyond globals every browser, worker and Node have.
 */

const hasShared = typeof SharedArrayBuffer !== 'undefined';

/** Distinct transferable objects in `value`, each once (arrays sharing a buffer, cycles). */
export function collectTransferables(value: unknown): Transferable[] {
  const found = new Set<Transferable>();
  const seen = new Set<object>();
  const addBuffer = (b: ArrayBufferLike) => {
    // Shared memory is shared, not moved; an empty (or already detached) buffer gains nothing
    // and a detached one in the list would make postMessage throw.
    if ((hasShared && b instanceof SharedArrayBuffer) || b.byteLength === 0) return;
    found.add(b as ArrayBuffer);
  };
  const walk = (v: unknown) => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (v instanceof ArrayBuffer) return addBuffer(v);
    if (ArrayBuffer.isView(v)) return addBuffer(v.buffer);
    if (typeof ImageBitmap !== 'undefined' && v instanceof ImageBitmap) {
      found.add(v);
      return;
    }
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x === 'object') walk(x);
      return;
    }
    if (v instanceof Map) {
      for (const [k, x] of v) {
        walk(k);
        walk(x);
      }
      return;
    }
    if (v instanceof Set) {
      for (const x of v) walk(x);
      return;
    }
    // Plain objects and class instances alike: structured clone copies their own fields.
    for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k]);
  };
  walk(value);
  return [...found];
}
