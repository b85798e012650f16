/**
 * tfjs start-up on the page. Reached only through dynamic import (panels are lazy chunks), so the
 * home route never downloads tfjs. The rules (choose.ts) are shared with workers (worker.ts).
 */
import * as tf from './tf';
import { emitBackend, onBackendChange, type BackendInfo, type BackendName } from './events';
import { asBackendName, chooseBackend, rendererOf, trySet } from './choose';
import { learnRenderer, setPageTensorCounter } from '../worker/registry';

export type { BackendInfo, BackendName } from './events';

let current: Promise<BackendInfo> | null = null;
let generation = 0;

/** Returns the renderer string of a fresh WebGL2 context, or null when WebGL is unavailable. */
function webglRenderer(): string | null {
  try {
    const canvas = document.createElement('canvas');
    return rendererOf(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return null;
  }
}

function readForced(): BackendName | null {
  return asBackendName(new URLSearchParams(location.search).get('backend'));
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
    const renderer = webglRenderer();
    // Workers started from now on (or still choosing) may then skip their own probe.
    learnRenderer(renderer, 'page');
    current = chooseBackend(readForced(), renderer).then((c) => {
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

// window.__mlTensors (tests, bench) counts these plus the tensors workers hold (lib/worker/registry).
setPageTensorCounter(liveTensors);
