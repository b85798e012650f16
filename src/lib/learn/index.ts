/** The learners kit in one import: see README.md and api.ts. */
export type * from './api';
export * from './tree';
export * from './forest';
export * from './boost';
export * from './logistic';
export * from './knn';
export * from './metrics';
