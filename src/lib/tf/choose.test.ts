/**
 * The backend rules (DESIGN.md: WebGL on a GPU, WASM without, CPU last) and the worker's use of
 * the page's renderer (issue 8): skipping the worker's own probe must never change the backend.
 */
import { describe, expect, it, vi } from 'vitest';
import { backendOrder, workerRenderer } from './choose';

const GPU = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)';
const SOFT = [
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
  'llvmpipe (LLVM 15.0.6, 256 bits)',
  'Microsoft Basic Render Driver',
];
const names = (r: string | null) => backendOrder(r).map(([n]) => n);

describe('backend order', () => {
  it('tries WebGL first only on a hardware renderer, WASM first without WebGL or on a software one', () => {
    expect(backendOrder(GPU)).toEqual([['webgl', `GPU: ${GPU}`], ['wasm', 'WebGL failed to start'], ['cpu', 'fallback']]);
    expect(backendOrder(null)).toEqual([['wasm', 'no WebGL'], ['cpu', 'WASM failed to start']]);
    for (const r of SOFT) expect(backendOrder(r)).toEqual([['wasm', 'WebGL is software-rendered, WASM is faster'], ['cpu', 'WASM failed to start']]);
  });
});

describe("a worker's renderer", () => {
  it('is its own probe while the page has seen nothing, or has seen a GPU (no promise of WebGL2 in a worker)', () => {
    for (const hint of [undefined, GPU]) {
      for (const own of [null, GPU, ...SOFT]) {
        const probe = vi.fn(() => own);
        expect(workerRenderer(hint, probe)).toBe(own);
        expect(probe).toHaveBeenCalledTimes(1);
      }
    }
  });

  it("is the page's when the page saw no WebGL or a software one, without probing", () => {
    for (const hint of [null, ...SOFT]) {
      const probe = vi.fn(() => GPU);
      expect(workerRenderer(hint, probe)).toBe(hint);
      expect(probe).not.toHaveBeenCalled();
    }
  });

  it('gives the backends the probe would have, wherever the probe can only agree with the page', () => {
    // One GPU process draws both: where the page saw no WebGL or a software one, a worker's
    // OffscreenCanvas sees no WebGL or a software one; a page's GPU says nothing of the worker.
    const pages: (string | null | undefined)[] = [undefined, null, GPU, ...SOFT];
    for (const page of pages) {
      const possible = page === undefined || page === GPU ? [null, GPU, ...SOFT] : [null, ...SOFT];
      for (const own of possible) expect(names(workerRenderer(page, () => own)), `page ${page}, worker ${own}`).toEqual(names(own));
    }
  });
});
