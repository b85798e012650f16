/**
 * The twenty interview questions, in order. Pure data (no imports) so that vite.config.ts can
 * read it to emit one static page per question with its own title and description.
 * Which questions have a working panel is decided in registry.ts.
 */
export interface Question {
  number: number;
  slug: string;
  title: string;
  /** One line, our own words: what the panel lets you see. */
  summary: string;
}

export const QUESTIONS: readonly Question[] = [
  { number: 1, slug: 'bias-variance', title: 'The bias-variance tradeoff', summary: 'Refit a polynomial on a hundred fresh training sets and watch error split into bias², variance and noise.' },
  { number: 2, slug: 'regularization', title: 'L1, L2 and elastic net', summary: 'Slide λ and see ridge shrink every weight while lasso snaps some to exactly zero.' },
  { number: 3, slug: 'learning-paradigms', title: 'Supervised, unsupervised, semi-supervised, reinforcement', summary: 'One set of points, four kinds of feedback, four different problems.' },
  { number: 4, slug: 'gradient-descent', title: 'Gradient descent and its optimizers', summary: 'Race SGD, momentum, Adam and friends across ravines, saddles and plateaus.' },
  { number: 5, slug: 'precision-recall', title: 'Precision, recall and F1', summary: 'Move one threshold and trade false alarms for misses; see why accuracy lies.' },
  { number: 6, slug: 'random-forest', title: 'Random forests', summary: 'Many overfit, decorrelated trees whose average is smooth.' },
  { number: 7, slug: 'backpropagation', title: 'Backpropagation', summary: 'Follow one gradient backwards through a tiny network, product by product.' },
  { number: 8, slug: 'bagging-boosting', title: 'Bagging versus boosting', summary: 'Average independent learners, or chain them so each fixes the last one’s mistakes.' },
  { number: 9, slug: 'k-means', title: 'k-means clustering', summary: 'Step through assign and update, and see where bad starts and odd shapes lead.' },
  { number: 10, slug: 'cross-validation', title: 'Cross-validation schemes', summary: 'See which samples each split trains and tests on, and how leakage inflates scores.' },
  { number: 11, slug: 'vanishing-gradients', title: 'Vanishing and exploding gradients', summary: 'Watch gradient norms shrink or blow up layer by layer, and what keeps them near one.' },
  { number: 12, slug: 'attention', title: 'Attention', summary: 'Queries, keys and values on a sentence you type, and why we divide by √d.' },
  { number: 13, slug: 'cnn', title: 'Convolutional networks', summary: 'Slide a 3×3 filter across an image and stack layers into features.' },
  { number: 14, slug: 'imbalanced-data', title: 'Imbalanced datasets', summary: 'With a rare class, compare resampling, SMOTE and class weights on the metrics that matter.' },
  { number: 15, slug: 'feature-engineering', title: 'Feature engineering', summary: 'The right transform turns a hard problem into an easy one for a simple model.' },
  { number: 16, slug: 'deployment', title: 'Deploying a model', summary: 'Serving as a queue: batching, latency percentiles and watching for drift.' },
  { number: 17, slug: 'missing-data', title: 'Missing data', summary: 'How values went missing decides which imputation is safe.' },
  { number: 18, slug: 'overfitting', title: 'Overfitting and its cures', summary: 'Train a network live and watch validation loss turn while training loss keeps falling.' },
  { number: 19, slug: 'embeddings', title: 'Embeddings', summary: 'Train word vectors in the browser and find neighbours and analogies.' },
  { number: 20, slug: 'ml-workflow', title: 'Approaching a new ML project', summary: 'A guided mini project: look, split, baseline, tune, evaluate, hand off.' },
];
