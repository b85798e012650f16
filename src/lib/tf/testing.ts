/** Unit-test set-up for tfjs in Node: the CPU backend, without the "use tfjs-node" banner. */
import * as tf from './tf';

export async function useCpuBackend(): Promise<void> {
  tf.env().set('IS_TEST', true);
  await tf.setBackend('cpu');
  await tf.ready();
}

/**
 * The WASM backend in Node, as the page's workers run it: without tfjs's test mode, whose per-kernel
 * leak check trips over composite ops (logSoftmax, batch norm's custom gradient) whose
 * intermediates the enclosing tidy frees. Resolves to whether WASM started.
 */
export async function useWasmBackend(): Promise<boolean> {
  await tf.setBackend('cpu'); // from a known backend, as useCpuBackend leaves it
  await tf.ready();
  tf.env().set('IS_TEST', false);
  return tf.setBackend('wasm');
}
