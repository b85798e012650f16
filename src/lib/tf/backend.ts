/**
 * tfjs start-up. Reached only through dynamic import (panels are lazy chunks), so the home
 * route never downloads tfjs.
 *
 * Choice, as measured on machines without a GPU (see README, "Backends"): WebGL only when it is
 * hardware-accelerated; WASM when WebGL is missing or a software rasterizer (SwiftShader,
 * llvmpipe), where WASM is several times faster; CPU last. setBackend falls back silently, so the
 * result is checked and the backend actually active is what we report.
 */
import * as tf from './tf';
import { emitBackend, onBackendChange, type BackendInfo, type BackendName } from './events';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export type { BackendInfo, BackendName } from './events';

let current: Promise<BackendInfo> | null = null;
let generation = 0;

/** Returns the renderer string of a fresh WebGL2 context, or null when WebGL is unavailable. */
function webglRenderer(): string | null {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) return null;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const r = ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return r;
  } catch {
    return null;
  }
}

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render|lavapipe/i;

async function trySet(name: BackendName): Promise<boolean> {
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

type Choice = Omit<BackendInfo, 'generation'>;

async function choose(forced: BackendName | null): Promise<Choice> {
  if (forced && (await trySet(forced))) return { name: forced, reason: 'forced by the link' };
  const renderer = webglRenderer();
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

function readForced(): BackendName | null {
  const v = new URLSearchParams(location.search).get('backend');
  return v === 'webgl' || v === 'wasm' || v === 'cpu' ? v : null;
}

/**
 * When WebGL loses its context (GPU reset, too many contexts, or a test forcing it), every
 * tensor on it is gone: switch to WASM (or CPU) and announce it, so panels recompute from their
 * params on the new backend.
 */
function watchContextLoss(): void {
  const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } }).gpgpu?.gl;
  const canvas = gl?.canvas as (HTMLCanvasElement | OffscreenCanvas | undefined);
  if (!gl || !canvas || typeof canvas.addEventListener !== 'function') return;
  (canvas as HTMLCanvasElement).addEventListener(
    'webglcontextlost',
    (e) => {
      e.preventDefault();
      void fallBack('WebGL context was lost');
    },
    { once: true },
  );
  // For the e2e suite: lets a test lose the context on purpose (a link cannot call this).
  (window as unknown as { __mlLoseWebGL?: () => void }).__mlLoseWebGL = () => gl.getExtension('WEBGL_lose_context')?.loseContext();
}

/** Starts tfjs once per page; later calls share the same promise. */
export function ensureBackend(): Promise<BackendInfo> {
  if (!current) {
    current = choose(readForced()).then((c) => {
      const info = { ...c, generation };
      if (info.name === 'webgl') watchContextLoss();
      emitBackend(info);
      return info;
    });
  }
  return current;
}

/** Switches to a fallback backend (e.g. after a lost WebGL context). */
export async function fallBack(reason: string): Promise<BackendInfo> {
  const name: BackendName = (await trySet('wasm')) ? 'wasm' : 'cpu';
  if (name === 'cpu') await trySet('cpu');
  generation += 1;
  const info = { name, reason, generation };
  current = Promise.resolve(info);
  emitBackend(info);
  return info;
}

export { onBackendChange };

/** Live tensor count, exposed for tests and the bench (window.__mlTensors). */
export function liveTensors(): number {
  return tf.memory().numTensors;
}

if (typeof window !== 'undefined') {
  (window as unknown as { __mlTensors: () => number }).__mlTensors = liveTensors;
}
