/**
 * The learning paradigms in an interview (issue 15): the model answer with "show me" states,
 * checks the learner predicts before looking, and what comes next. interview.test.ts computes the
 * panel's models at every state and checks each stated answer.
 */
import type { Interview } from '../../lib/panel/types';
import type { schema } from './params';

const CLIFF = '........-........-........-sppppppg';

export const interview: Interview<typeof schema> = {
  answer: [
    [
      'The paradigms differ in the feedback the learner gets. Supervised learning has a label for every example and learns the mapping from input to label: ',
      { text: 'with every label given, nearest neighbours draw two rings', params: { mode: 'supervised', dataset: 'circles', clf: 'knn' } },
      '. Unsupervised learning has no labels and looks for structure such as clusters, but ',
      { text: 'the structure it finds need not be the classes', params: { mode: 'unsupervised' } },
      ' you care about.',
    ],
    [
      'Semi-supervised learning has a few labels and many unlabelled points, and assumes that points close together share a label: ',
      { text: 'six labels spread along the moons are enough', params: { mode: 'semi', iter: 1000 } },
      '. Reinforcement learning has no labels at all, only a reward after acting, and must explore to find it: ',
      { text: 'Q-learning learns to walk along a cliff', params: { mode: 'reinforcement', grid: CLIFF, episode: 300 } },
      '.',
    ],
    [
      'Tie the choice to the data and the cost of feedback: labels are expensive, so use the unlabelled data too; no labels, so explore with clustering and judge the result by what it is for; decisions in sequence with delayed reward, so reinforcement learning.',
    ],
  ],
  checks: [
    {
      id: 'kmeans-moons',
      question: 'Hide the labels of the two moons and run k-means with k = 2. Does it recover the two moons?',
      options: ['No: it cuts them with a straight line', 'Yes, almost exactly', 'Yes, but only with more points'],
      answer: 0,
      state: { mode: 'unsupervised' },
      why: 'k-means puts each point with its nearest centre, so its clusters are separated by straight lines; the moons curl around each other. A density method such as DBSCAN follows them.',
    },
    {
      id: 'circles-logistic',
      question: 'Two rings, every label given. Which scores higher on fresh points: logistic regression on the raw coordinates, or nearest neighbours?',
      options: ['Nearest neighbours', 'Logistic regression', 'They score about the same'],
      answer: 0,
      state: { mode: 'supervised', dataset: 'circles', clf: 'logistic' },
      why: 'Logistic regression draws one straight boundary, and no line separates a ring from the ring around it; nearest neighbours follow any shape the data has.',
    },
    {
      id: 'propagation-vs-nearest',
      question: 'Only six points on the moons are labelled. Does label propagation beat labelling each point like its nearest labelled point?',
      options: ['Yes, clearly', 'No, it does worse', 'They tie'],
      answer: 0,
      state: { mode: 'semi', iter: 1000 },
      why: 'The unlabelled points trace the shape of each moon, and labels spread along that shape instead of across the gap.',
    },
  ],
  followUps: [
    {
      question: 'How would you evaluate a clustering without labels?',
      answer: 'With internal scores such as silhouette or inertia, by stability across seeds and subsamples, and above all by whether the clusters help the task they are for.',
      slug: 'k-means',
    },
    {
      question: 'What is self-supervised learning?',
      answer: 'Labels made from the data itself, such as predicting a hidden word or the next token; it is how embeddings and language models are pretrained.',
      slug: 'embeddings',
    },
  ],
};
