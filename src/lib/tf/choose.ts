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
    const ok = await tf.setBackend(name);
    await tf.ready();
    return ok && tf.getBackend() === name;
  } catch {
    return false;
  }
}

export type Choice = Omit<BackendInfo, 'generation'>;

/**
 * Picks and starts a backend: `forced` (the link's ?backend=) if it starts, else by `renderer`
 * (the WebGL renderer string, null when WebGL is unavailable where this runs).
 */
export async function chooseBackend(forced: BackendName | null, renderer: string | null): Promise<Choice> {
  if (forced && (await trySet(forced))) return { name: forced, reason: 'forced by the link' };
  const order: [BackendName, string][] =
    renderer && !SOFTWARE.test(renderer)
      ? [['webgl', `GPU: ${renderer}`], ['wasm', 'WebGL failed to start'], ['cpu', 'fallback']]
      : [
          ['wasm', renderer ? 'WebGL is software-rendered, WASM is faster' : 'no WebGL'],
          ['cpu', 'WASM failed to start'],
        ];
  for (const [name, reason] of order) if (await trySet(name)) return { name, reason };
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
