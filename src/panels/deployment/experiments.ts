/** The panel's "Try this" experiments: pure data, so experiments.test.ts, which checks every
 *  number their notices quote, reads them without React. */
export const EXPERIMENTS = [
  {
    title: 'Turn batching off',
    params: { maxBatch: 1 },
    notice: 'One request per batch pays the fixed cost every time: two replicas then serve at most about 80 requests per second, fewer than the 150 arriving, so the queue fills and nearly half the requests are rejected.',
  },
  {
    title: 'An M/M/1 queue at ρ = 0.8',
    params: { replicas: 1, maxBatch: 1, dist: 'exp', fixed: 0.0001, perItem: 10, rate: 80, requests: 1000000 },
    notice: 'One replica, no batching, exponential service of 10 ms, 80 arrivals per second: queueing theory says a request waits ρ/(μ − λ) = 40 ms on average, and the simulated mean wait comes within a few percent of it.',
  },
  {
    title: 'At light load, batching only adds waiting',
    params: { rate: 5, maxWait: 20 },
    notice: 'At 5 requests per second a batch rarely fills, so most requests wait the full 20 ms for company: compare the median latency with max batch 1, about 20 ms lower.',
  },
  {
    title: 'A sudden drift sets off the alert',
    params: { part: 'drift', drift: 'sudden', shift: 1, start: 10 },
    notice: 'When the mean of x jumps by 1 SD at window 10, PSI passes 0.2 in that very window, and the model’s accuracy drops with it.',
  },
  {
    title: 'Small windows raise false alarms',
    params: { part: 'drift', window: 50 },
    notice: 'With 50 rows per window PSI is noisy: it passes 0.2 in windows before any drift has happened.',
  },
  {
    title: 'An underpowered A/B test',
    params: { part: 'ab', visitors: 2000 },
    notice: 'Detecting 10 % → 12 % at α = 0.05 with power 0.8 needs about 3,835 visitors per arm; with 2,000 visitors in all the test has little chance to see a real improvement.',
  },
] as const;
