/**
 * The random-forest question in an interview (issue 15): the model answer with "show me" states,
 * checks the learner predicts before looking, and what an interviewer asks next. interview.test.ts
 * grows the panel's forest (computeForest, the worker's run) at every state and checks each stated
 * answer and quoted number.
 */
import type { Interview } from '../../lib/panel/types';
import type { schema } from './params';

/** The "Try this" states the answer and the checks open. */
const FOREST_VS_TREE = { trees: 200, jitter: 0.35 } as const;
const NO_RANDOMNESS = { bootstrap: false, features: 'all' } as const;
const STUMPS_XOR = { dataset: 'xor', depth: 1, trees: 200 } as const;
const NOISE_COLUMNS = { noise: 10, features: '1' } as const;

export const interview: Interview<typeof schema> = {
  answer: [
    [
      'A random forest averages many deep decision trees, each grown on a bootstrap sample of the rows and allowed to choose each split only among a random subset of the features. One deep tree has low bias but high variance; averaging cancels much of the variance, so ',
      { text: 'the forest errs less than its trees', params: FOREST_VS_TREE },
      '. The randomness is what makes this work: ',
      { text: 'without it every tree is the same', params: NO_RANDOMNESS },
      ' and the forest is just one tree.',
    ],
    [
      'The average of B trees, each with variance σ² and pairwise correlation ρ, has variance ρσ² + (1 − ρ)σ²/B. More trees shrink only the second term, so ',
      { text: 'the error levels off instead of overfitting', params: { trees: 200 } },
      '; fewer features per split lower ρ. Averaging cannot remove bias: ',
      { text: 'stumps on XOR', params: STUMPS_XOR },
      ' stay at chance however many you average.',
    ],
    [
      'Each tree can score the rows left out of its bootstrap sample, which gives the ',
      { text: 'out-of-bag error', params: FOREST_VS_TREE },
      ', a validation estimate without a held-out set. Forests need little tuning; the price is a model larger and slower to predict than one tree, which no one reads at a glance. Be careful with impurity importance: ',
      { text: 'noise columns take a large share of it', params: NOISE_COLUMNS },
      ', because trees use them to fit noise; permutation importance on held-out data does not fall for that.',
    ],
  ],
  checks: [
    {
      id: 'forest-vs-tree',
      question: 'Noisy moons (σ = 0.35). On fresh points, how does a forest of 200 fully grown trees compare with a single one of its trees, on average?',
      options: ['It errs clearly less', 'About the same: each tree already fits the training set', 'It errs more: 200 deep trees overfit more'],
      answer: 0,
      state: FOREST_VS_TREE,
      why: 'Each deep tree fits its own sample’s noise, and the trees are wrong in different places. Averaging their probabilities cancels much of that, while the shape they agree on stays.',
    },
    {
      id: 'more-trees',
      question: 'Grow the forest on the default moons from 1 tree to 200. What does its test error do?',
      options: ['It falls, then levels off', 'It falls, then rises again as the forest overfits', 'It keeps falling steadily'],
      answer: 0,
      state: { trees: 200 },
      why: 'More trees only shrink the part of the variance that the trees do not share. Once that part is small the curve is flat, give or take the noise of the test points: adding trees stops helping but does not overfit.',
    },
    {
      id: 'impurity-noise',
      question: 'Add 10 columns of pure noise and let each split choose from one random feature. Which importance gives the noise columns a large share?',
      options: ['Impurity importance', 'Permutation importance', 'Neither: both see that noise does not help'],
      answer: 0,
      state: NOISE_COLUMNS,
      why: 'When a split may only use a noise column, it still finds the threshold that best separates its training points, and impurity importance credits that fit. Shuffling a noise column on test points changes almost nothing, so its permutation importance is near zero.',
    },
    {
      id: 'stumps-xor',
      question: '200 stumps (trees of depth 1) on XOR. How well does their average classify fresh points?',
      options: ['About as well as a coin flip', 'Much better than one stump', 'Almost perfectly'],
      answer: 0,
      state: STUMPS_XOR,
      why: 'In XOR each coordinate alone says nothing about the class, so every stump is near chance, and an average of stumps is a sum of one-coordinate steps, which cannot express the interaction. Averaging removes variance, not bias.',
    },
    {
      id: 'no-randomness',
      question: 'Turn the bootstrap off and let every split see all features. How do the 100 trees differ?',
      options: ['They are all the same tree', 'They differ a little', 'As much as with the randomness on'],
      answer: 0,
      state: NO_RANDOMNESS,
      why: 'Apart from how exact ties are broken, growing a tree is deterministic given its rows and the features on offer: with the same rows and all features at every split, each tree makes the same choices. There is nothing left to average, and no out-of-bag rows.',
    },
  ],
  followUps: [
    {
      question: 'How does a random forest differ from gradient boosting?',
      answer: 'A forest grows deep trees independently and averages them, which cuts variance; boosting grows shallow trees in sequence, each fitting what the ones before got wrong, which cuts bias. Tuned boosting often scores higher; a forest is harder to get wrong.',
      slug: 'bagging-boosting',
    },
    {
      question: 'Why draw only √d features at each split?',
      answer: 'It is a rule of thumb (scikit-learn’s default for classifiers) that trades each tree’s strength against how alike the trees are: fewer features make weaker but less correlated trees. Tune it if it matters.',
    },
    {
      question: 'Do random forests need feature scaling?',
      answer: 'No. Each split compares one feature with a threshold, so rescaling a feature by any increasing function leaves the trees’ partitions unchanged.',
    },
  ],
};
