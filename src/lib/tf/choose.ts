/**
 * The backend rules, shared by the page (backend.ts) and workers (worker.ts), so both choose
 * alike. As measured on machines without a GPU (see README, "Backends"): WebGL only when it is
 * hardware-accelerated; WASM when WebGL is missing or a software rasterizer (SwiftShader,
 * llvmpipe), where WASM is several times faster; CPU last. setBackend falls back silently, so the
 * result is checked and the backend actually active is what we report.
 */
import * as tf from './tf';
import type { BackendInfo, BackendName } from './events';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// Explicit URLs: inside a worker the WASM loader would otherwise resolve the files against the
// worker script's location and receive HTML ("expected magic word 00 61 73 6d", tfjs #6517).
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render|lavapipe/i;

/** Switches to `name`; true only if it is really the active backend afterwards. */
export async function trySet(name: BackendName): Promise<boolean> {
  try {
    if (name === 'wasm') {
      // The threaded build hangs once minified; single-threaded SIMD needs no COOP/COEP headers.
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      setWasmPaths({
        'tfjs-backend-wasm.wasm': wasmPlain,
        'tfjs-backend-wasm-simd.wasm': wasmSimd,
        'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
      });
    }
    // Loaded only here, when WebGL is tried (a GPU, or a link's ?backend=webgl): a third of tfjs
    // that no machine without a GPU runs (lib/tf/tf.ts). A chunk that fails to load means no WebGL.
    if (name === 'webgl') await import('@tensorflow/tfjs-backend-webgl');
    const ok = await tf.setBackend(name);
    await tf.ready();
    return ok && tf.getBackend() === name;
  } catch {
    return false;
  }
}

export type Choice = Omit<BackendInfo, 'generation'>;

/** The backends to try, in order, with why, for a WebGL `renderer` (null: no WebGL where this runs). */
export function backendOrder(renderer: string | null): [BackendName, string][] {
  return renderer && !SOFTWARE.test(renderer)
    ? [['webgl', `GPU: ${renderer}`], ['wasm', 'WebGL failed to start'], ['cpu', 'fallback']]
    : [
        ['wasm', renderer ? 'WebGL is software-rendered, WASM is faster' : 'no WebGL'],
        ['cpu', 'WASM failed to start'],
      ];
}

/**
 * The renderer a worker decides by, given what the page already saw (`hint`: undefined when the
 * page has not looked, null for no WebGL) and the worker's own probe (an OffscreenCanvas WebGL2
 * context: ~60 ms of the worker's start on SwiftShader, issue 8). Where the page saw no WebGL or a
 * software one, the probe is skipped: both draw through the same GPU process, so the probe could
 * only find no WebGL or a software one too, and either way WASM comes first. A GPU seen by the
 * page is not taken on trust: it does not promise WebGL2 on an OffscreenCanvas (older Safari), so
 * the worker then probes as before.
 */
export function workerRenderer(hint: string | null | undefined, probe: () => string | null): string | null {
  if (hint === null || (hint !== undefined && SOFTWARE.test(hint))) return hint;
  return probe();
}

/**
 * Picks and starts a backend: `forced` (the link's ?backend=) if it starts, else by `renderer`
 * (the WebGL renderer string, null when WebGL is unavailable where this runs).
 */
export async function chooseBackend(forced: BackendName | null, renderer: string | null): Promise<Choice> {
  if (forced && (await trySet(forced))) return { name: forced, reason: 'forced by the link' };
  for (const [name, reason] of backendOrder(renderer)) if (await trySet(name)) return { name, reason };
  return { name: tf.getBackend() as BackendName, reason: 'fallback' };
}

export function asBackendName(v: string | null | undefined): BackendName | null {
  return v === 'webgl' || v === 'wasm' || v === 'cpu' ? v : null;
}

/** The renderer string of a WebGL context (then lost on purpose, to free it), or null. */
export function rendererOf(gl: WebGLRenderingContext | WebGL2RenderingContext | null): string | null {
  if (!gl) return null;
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const r = ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return r;
}
