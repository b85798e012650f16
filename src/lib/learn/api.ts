/**
 * The learners kit's types: the contract between the kit (tree.ts, forest.ts, boost.ts,
 * logistic.ts, knn.ts, metrics.ts) and the panels that use it. Everything here is plain data
 * (typed arrays, numbers), so results cross a worker boundary by structured clone / transfer.
 */

/** Row-major n × d feature matrix. */
export interface Matrix {
  data: Float64Array;
  n: number;
  d: number;
}

export type Criterion = 'gini' | 'entropy' | 'squared_error';

export interface TreeOptions {
  criterion: Criterion;
  /** Number of classes K for gini/entropy (labels 0..K-1); ignored for squared_error. */
  nClasses?: number;
  /** Depth of the deepest leaf allowed (root has depth 0); Infinity for no limit. */
  maxDepth: number;
  /** A node with fewer samples (count, not weight) is a leaf. scikit-learn's default is 2. */
  minSamplesSplit?: number;
  /** Each child must keep at least this many samples. Default 1. */
  minSamplesLeaf?: number;
  /** Features tried at each split, drawn without replacement from `rng`; default d (all). */
  maxFeatures?: number;
}

/**
 * A fitted tree as flat arrays over nodes (node 0 is the root, children after parents).
 * Leaves have feature = -1, threshold = NaN, left = right = -1.
 */
export interface Tree {
  nodeCount: number;
  /** K for classification; 0 for regression. */
  nClasses: number;
  /** Number of input features d the tree was fitted on. */
  nFeatures: number;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  depth: Int32Array;
  /** Impurity of each node (weighted Gini, entropy in bits, or variance). */
  impurity: Float64Array;
  /** Samples reaching the node (counts; a bootstrap duplicate counts twice). */
  nSamples: Int32Array;
  /** Total sample weight reaching the node. */
  weightedN: Float64Array;
  /**
   * nodeCount × max(1, K): weighted class counts per node for classification, the weighted
   * mean target for regression.
   */
  value: Float64Array;
}

export interface ForestOptions {
  tree: TreeOptions;
  /** Draw each tree's sample with replacement (n draws); false = every tree sees all rows. */
  bootstrap: boolean;
  seed: number;
}

/** One grown member of a bagged ensemble / random forest. */
export interface ForestMember {
  tree: Tree;
  /** How many times each training row was drawn for this tree (0 = out of bag). */
  inBag: Uint16Array;
}

export interface AdaBoostRound {
  /** The weak learner fitted this round (on the weights below). */
  tree: Tree;
  /** Sample weights this learner was fitted on (sum 1). */
  weights: Float64Array;
  /** Weighted training error of this learner under `weights`. */
  error: number;
  /** SAMME learner weight α = ln((1 − err)/err) + ln(K − 1) (learning rate 1). */
  alpha: number;
  /** True when the learner was perfect (err = 0): boosting stops after it. */
  perfect: boolean;
}

export interface GradientBoostRound {
  tree: Tree;
  /** Residuals y − F_{m−1}(x) this tree was fitted to. */
  residuals: Float64Array;
  /** Training MSE after adding this tree (scikit-learn's train_score_). */
  trainMse: number;
}

export interface LogisticOptions {
  /** scikit-learn's C: minimise ½‖w‖² + C Σ sᵢ logloss ᵢ; Infinity = unregularised. */
  C: number;
  sampleWeight?: Float64Array;
  maxIter?: number;
  tol?: number;
}

export interface LogisticModel {
  coef: Float64Array;
  intercept: number;
  iterations: number;
  converged: boolean;
}

/** A fitted gradient boosting model (squared loss): F_m(x) = init + learningRate · Σ_{j≤m} tree_j(x). */
export interface GradientBoostModel {
  /** F₀: the mean of the training targets. */
  init: number;
  /** The shrinkage ν every tree's output is multiplied by. */
  learningRate: number;
  rounds: GradientBoostRound[];
}
