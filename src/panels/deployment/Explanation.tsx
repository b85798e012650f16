import { Tex } from '../../lib/tex/Tex';

export function Explanation() {
  return (
    <>
      <p>
        A deployed model is a <strong>queue</strong>. Requests arrive at rate <Tex>\lambda</Tex>, each of <Tex>c</Tex>{' '}
        replicas serves them at rate <Tex>\mu</Tex>, and latency is queueing time plus service time. The utilisation{' '}
        <Tex>{String.raw`\rho = \lambda / (c\mu)`}</Tex> must stay below 1, and waiting grows without bound as it nears 1.
        For Poisson arrivals and exponential service times (M/M/c), Erlang’s C formula gives the chance of waiting, and the
        mean wait follows:
      </p>
      <Tex block>{String.raw`\begin{aligned} P_{\text{wait}} &= \frac{\frac{a^c}{c!}\frac{1}{1-\rho}}{\sum_{k=0}^{c-1}\frac{a^k}{k!} + \frac{a^c}{c!}\frac{1}{1-\rho}},\quad a = \frac{\lambda}{\mu} \\ W_q &= \frac{P_{\text{wait}}}{c\mu - \lambda} \end{aligned}`}</Tex>
      <p>
        With one replica this is <Tex>{String.raw`W_q = \rho/(\mu - \lambda)`}</Tex>: at <Tex>\rho = 0.9</Tex> a request waits
        nine service times on average. The simulator reproduces these (set max batch 1 and exponential latency). Little’s
        law, <Tex>{String.raw`L = \lambda W`}</Tex>, ties the number in the system to the time spent in it.
      </p>
      <p>
        <strong>Dynamic batching</strong> waits until <Tex>B</Tex> requests are queued or the oldest has waited a set time,
        then runs them together. A batch of <Tex>b</Tex> takes <Tex>{String.raw`t_0 + t_1 b`}</Tex> on average, so a replica
        can serve at most <Tex>{String.raw`B/(t_0 + t_1 B)`}</Tex> requests per unit time: larger batches raise throughput when the
        fixed part <Tex>t_0</Tex> dominates, and cost latency at light load, where requests wait for a batch that does
        not fill. Tail percentiles (p95, p99) are what users feel and what service-level objectives are written in.
      </p>
      <p>
        <strong>Drift</strong>: the inputs in production move away from the training data. Compare each window with a
        reference sample: the population stability index over the reference’s deciles, and the two-sample
        Kolmogorov–Smirnov statistic,
      </p>
      <Tex block>{String.raw`\begin{aligned} \text{PSI} &= \sum_{k=1}^{10} (q_k - p_k)\ln\frac{q_k}{p_k} \\ D &= \sup_x \lvert F_{\text{ref}}(x) - F_{\text{now}}(x)\rvert \end{aligned}`}</Tex>
      <p>
        (<Tex>p_k</Tex>, <Tex>q_k</Tex>: shares of the reference and of the window in bin <Tex>k</Tex>). Both need no
        labels, so they warn before accuracy can be measured. A common rule of thumb reads PSI above 0.2 as a real shift;
        with small windows PSI is noisy and raises false alarms.
      </p>
      <p>
        <strong>A/B rollout</strong>: send a share of traffic to the new model and compare conversion rates with the
        pooled two-proportion z-test; size the test in advance from the effect to detect (Cohen’s <Tex>h</Tex>), the
        significance level and the power, and do not stop at the first look that crosses <Tex>\alpha</Tex>:
      </p>
      <Tex block>{String.raw`\begin{aligned} z &= \frac{\hat p_B - \hat p_A}{\sqrt{\hat p(1-\hat p)\left(\frac{1}{n_A} + \frac{1}{n_B}\right)}} \\ h &= 2\arcsin\sqrt{p_B} - 2\arcsin\sqrt{p_A} \\ n &\approx 2\left(\frac{z_{1-\alpha/2} + z_{1-\beta}}{h}\right)^{2} \end{aligned}`}</Tex>
      <p className="ctl-help">
        <Tex>{String.raw`\hat p`}</Tex>: the pooled rate; <Tex>n</Tex>: visitors per arm with an even split (the panel solves
        the exact power equation, as statsmodels’ NormalIndPower does).
      </p>
      <p>
        <strong>Your model</strong>: a network saved in this browser from the overfitting panel, or a model file, is
        validated, timed on this page (forward passes in the worker, the median of many) and served in the simulator with
        that latency.
      </p>
      <p className="ctl-help">
        Conventions: percentiles interpolate linearly (NumPy’s default). KS as SciPy’s ks_2samp; PSI bins at the reference’s
        deciles with open outer edges, an empty bin counted as 0.01 %. The z-test is statsmodels’ proportions_ztest (pooled,
        two-sided, B minus A). Latency = time from arrival to the end of the request’s batch. Log-normal batch times have the
        set value as their median, so their mean is <Tex>{String.raw`e^{\sigma^2/2}`}</Tex> times larger.
      </p>
    </>
  );
}
