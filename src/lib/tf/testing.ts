/** Unit-test set-up for tfjs in Node: the CPU backend, without the "use tfjs-node" banner. */
import * as tf from './tf';

export async function useCpuBackend(): Promise<void> {
  tf.env().set('IS_TEST', true);
  await tf.setBackend('cpu');
  await tf.ready();
}
