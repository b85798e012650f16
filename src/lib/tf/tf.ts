/**
 * The one tfjs entry point of the app: tfjs-core plus the three backends and all gradients.
 * Panel models import `* as tf from '../../lib/tf/tf'`, never '@tensorflow/tfjs' (which would
 * also pull in layers, converter and data: about 130 KB gzip we do not use).
 * Panel chunks are loaded lazily, so none of this reaches the home route.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-wasm';

export * from '@tensorflow/tfjs-core';
