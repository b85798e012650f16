/**
 * The k-means question in an interview (issue 15): the model answer with "show me" states, checks
 * the learner predicts before looking, and what an interviewer asks next. interview.test.ts runs
 * the panel's own computer at every state and checks each stated answer.
 */
import type { Interview } from '../../lib/panel/types';
import type { schema } from './params';

export const interview: Interview<typeof schema> = {
  answer: [
    [
      'K-means splits the points into K clusters so that the inertia, the sum of squared distances from each point to its cluster’s centre, is small. Lloyd’s algorithm alternates two moves: assign every point to its nearest centre, then move every centre to the mean of its points. Neither move can raise the inertia, so the run converges, but only to a local minimum: ',
      { text: 'a bad random start', params: { init: 'random', step: 200 } },
      ' can end with one centre shared by two blobs. The usual fixes are ',
      { text: 'k-means++ seeding', params: { step: 200 } },
      ', which spreads the first centres out, and several restarts that keep the lowest inertia.',
    ],
    [
      'K is a choice. The lowest inertia only falls as K grows, so look for ',
      { text: 'the elbow', params: { groups: 6, k: 6, step: 200 } },
      ' where it stops falling steeply, or for the highest mean silhouette.',
    ],
    [
      'Know what it assumes: every cluster is the convex region nearest its centre, so it likes round groups of similar size. It ',
      { text: 'cuts stretched clusters across', params: { dataset: 'aniso', groups: 3, k: 3, step: 200 } },
      ', ',
      { text: 'cannot separate two moons', params: { dataset: 'moons', k: 2, step: 200 } },
      ', and squared distances let ',
      { text: 'outliers take whole centres', params: { dataset: 'outliers', seed: 31, step: 200 } },
      '. Scale the features first, since every distance mixes them.',
    ],
  ],
  checks: [
    {
      id: 'random-start',
      question: 'Same four blobs, K = 4, but the centres start at random data points instead of k-means++. How does the final inertia compare?',
      options: ['Higher: the run stops in a worse local minimum', 'The same: Lloyd’s algorithm always finds the best clustering', 'Lower: random starts are less biased'],
      answer: 0,
      state: { init: 'random', step: 200 },
      why: 'The four random starts lie in only two of the blobs. Lloyd’s moves only improve locally, so the run ends with one centre between two blobs while another blob is split.',
    },
    {
      id: 'two-moons',
      question: 'Two interleaved moons, K = 2, run to convergence. Does k-means recover the two moons?',
      options: ['No: each cluster takes a tip of the other moon', 'Yes, with k-means++ seeding', 'Yes, if it runs for more iterations'],
      answer: 0,
      state: { dataset: 'moons', k: 2, step: 200 },
      why: 'Two centres split the plane with a straight line, and no straight line separates the moons; a better start or a longer run cannot change that.',
    },
    {
      id: 'silhouette-peak',
      question: 'The data has six round blobs. At which K is the mean silhouette highest?',
      options: ['K = 6', 'K = 2', 'K = 10'],
      answer: 0,
      state: { groups: 6, k: 6, step: 200 },
      why: 'With one cluster per blob, points sit close to their own cluster and far from the nearest other one; fewer clusters merge blobs, more split them.',
    },
  ],
  followUps: [
    {
      question: 'What would you use for clusters that are not round?',
      answer: 'A Gaussian mixture for elliptical clusters of different sizes; DBSCAN or spectral clustering for arbitrary shapes such as the moons.',
    },
    {
      question: 'How does k-means scale to millions of points?',
      answer: 'Each iteration is linear in the points; mini-batch k-means updates from small random batches and gets close to Lloyd’s inertia for a fraction of the work.',
    },
    {
      question: 'Is k-means supervised?',
      answer: 'No: it uses no labels, so there is no accuracy to compute; you judge it by inertia, silhouette, stability across seeds and whether the clusters are useful.',
      slug: 'learning-paradigms',
    },
  ],
};
