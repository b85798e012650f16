/**
 * The one tfjs entry point of the app: tfjs-core plus the CPU and WASM backends and all gradients.
 * Panel models import `* as tf from '../../lib/tf/tf'`, never '@tensorflow/tfjs' (which would
 * also pull in layers, converter and data: about 130 KB gzip we do not use).
 * Panel chunks are loaded lazily, so none of this reaches the home route.
 */
// tfjs-core first: its flags (DEBUG, …) must be registered before the gradients are, which read
// them. The dev server's pre-bundled dependencies otherwise evaluate the gradients first and fail
// with "Cannot evaluate flag 'DEBUG'" (the production build happened to keep a working order).
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
// Not the WebGL backend: a third of tfjs (0.5 of a worker's 1.4 MB), which choose.ts imports only
// when WebGL is tried (a real GPU, or ?backend=webgl); without a GPU no page or worker loads it.
import '@tensorflow/tfjs-backend-wasm';

export * from '@tensorflow/tfjs-core';
