/**
 * Deployment in an interview (issue 15): the model answer with "show me" states, checks the
 * learner predicts before looking, and what comes next. interview.test.ts runs the simulator,
 * the drift monitor and the A/B test at each state and checks every stated answer.
 */
import type { Interview } from '../../lib/panel/types';
import type { schema } from './params';

export const interview: Interview<typeof schema> = {
  answer: [
    [
      'Deploying a model means serving it within a latency budget and watching it after launch. Serving is a queue: ',
      { text: 'batching requests raises throughput', params: { part: 'serve' } },
      ', and ',
      { text: 'without it the same replicas fall behind', params: { maxBatch: 1 } },
      ', yet ',
      { text: 'at light load a batch only adds waiting', params: { rate: 5, maxWait: 20 } },
      '. Plan for the tail (the 99th percentile), because waiting grows sharply as the servers approach full load.',
    ],
    [
      'After launch the world moves on: ',
      { text: 'monitor the inputs for drift', params: { part: 'drift', drift: 'sudden', shift: 1, start: 10 } },
      ' with a statistic such as PSI or a Kolmogorov–Smirnov test, and the model’s accuracy once labels arrive; retrain on fresh data when it degrades.',
    ],
    [
      'Roll out a new model step by step: shadow traffic, a canary, then ',
      { text: 'an A/B test sized in advance', params: { part: 'ab' } },
      ' for the smallest effect worth having, since ',
      { text: 'an underpowered test', params: { part: 'ab', visitors: 2000 } },
      ' mostly misses real improvements. Keep the previous model ready to roll back, and version the data, code and model together.',
    ],
  ],
  checks: [
    {
      id: 'no-batching',
      question: '150 requests per second reach two replicas. Turn batching off (max batch 1). What happens?',
      options: ['The queue fills and requests are rejected', 'Latency falls for everyone', 'Nothing much changes'],
      answer: 0,
      state: { maxBatch: 1 },
      why: 'Each request now pays the fixed cost of a model call alone, so the replicas can serve fewer requests per second than arrive.',
    },
    {
      id: 'light-load',
      question: 'Only 5 requests per second arrive, and a batch waits up to 20 ms to fill. Does batching help the median latency?',
      options: ['No: it adds waiting', 'Yes: it lowers it', 'It makes no difference'],
      answer: 0,
      state: { rate: 5, maxWait: 20 },
      why: 'At this rate a batch rarely fills, so most requests sit out the whole wait for company that does not come.',
    },
    {
      id: 'sudden-drift',
      question: 'The mean of x jumps by 1 standard deviation at window 10. When does PSI first pass the 0.2 alert threshold?',
      options: ['In that very window', 'Only many windows later', 'Never: PSI does not see a shift of the mean'],
      answer: 0,
      state: { part: 'drift', drift: 'sudden', shift: 1, start: 10 },
      why: 'PSI compares the whole histogram of the window with the reference; a shift this size moves enough rows between bins at once.',
    },
  ],
  followUps: [
    {
      question: 'Batch scoring or an online endpoint?',
      answer: 'Batch when predictions can be computed ahead (nightly scores, recommendations); online when the input arrives with the request and the answer is needed at once.',
    },
    {
      question: 'How do you notice a model getting worse when labels arrive late?',
      answer: 'Watch proxies meanwhile: input drift, the distribution of predicted scores, and business metrics; then confirm on labelled samples.',
      slug: 'imbalanced-data',
    },
  ],
};
