/** The learners kit in one import: see README.md and api.ts. */
export type * from './api';
export * from './tree';
export * from './forest';
export * from './boost';
export * from './logistic';
export * from './knn';
export * from './metrics';
export * from './dbscan';
export * from './kmeans';
export * from './labelSpreading';
export * from './clusterScore';
export * from './lstsq';
export * from './preprocessing';
export * from './linear';
export * from './impute';
export * from './kfold';
