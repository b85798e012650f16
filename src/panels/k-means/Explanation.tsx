import { Tex } from '../../lib/tex/Tex';

export function Explanation() {
  return (
    <>
      <p>
        k-means looks for K centres <Tex>{String.raw`\mu_1,\dots,\mu_K`}</Tex> and a cluster <Tex>{'c(i)'}</Tex> for every point
        that make the <strong>inertia</strong>, the total squared distance from points to their centres (a sum, as scikit-learn’s{' '}
        <code>inertia_</code>), small:
      </p>
      <Tex block>{String.raw`J(c,\mu)=\sum_{i=1}^{N}\lVert x_i-\mu_{c(i)}\rVert^2`}</Tex>
      <p>Lloyd’s algorithm alternates two moves, each the best possible with the other half held fixed:</p>
      <Tex block>{String.raw`\begin{aligned}\text{assign: }\; c(i)&=\arg\min_j \lVert x_i-\mu_j\rVert^2\\ \text{update: }\; \mu_j&=\tfrac{1}{|C_j|}\textstyle\sum_{i\in C_j} x_i\end{aligned}`}</Tex>
      <p>
        Neither move can raise <Tex>J</Tex>, and there are finitely many ways to split the points, so the run always stops: at a
        fixed point, which is often only a <em>local</em> minimum. Where it stops depends on the start, so in practice one runs
        several starts and keeps the lowest inertia (scikit-learn’s <code>n_init</code>).
      </p>
      <p>
        <strong>k-means++</strong> spreads the start out: the first centre is a random point, and each next one is point{' '}
        <Tex>x</Tex> with probability
      </p>
      <Tex block>{String.raw`P(x)=\frac{D(x)^2}{\sum_{x'} D(x')^2},`}</Tex>
      <p>
        <Tex>D(x)</Tex> being its distance to the nearest centre chosen so far. Far-away points are likely picks, which is good for
        separate blobs and bad for outliers.
      </p>
      <p>
        Each cluster is the <strong>Voronoi region</strong> of its centre: a convex cell with straight borders halfway between
        centres. So k-means prefers round clusters of similar width; stretched groups, moons and one wide cluster beside small
        ones get cut in the wrong places whatever the start. Distances also make it depend on units: a feature in larger
        units dominates, so standardise features measured on different scales first (here both axes share one unit).
      </p>
      <p>
        To choose K: the <em>best possible</em> inertia can only fall as K grows (one more centre can split a cluster), so a
        lower inertia alone never picks K. A single Lloyd run makes no such promise: its local optimum at K + 1 can have a
        higher inertia than a run at K, so the elbow plot keeps the best of three k-means++ starts per K. Look for the{' '}
        <strong>elbow</strong> where the curve stops falling fast. The{' '}
        <strong>silhouette</strong> of a point compares <Tex>a</Tex>, its mean distance to the other points of its cluster, with <Tex>b</Tex>, the
        mean distance to the nearest other cluster: <Tex>{String.raw`s=\frac{b-a}{\max(a,b)}`}</Tex>, near 1 when well placed and
        negative when it sits closer to another cluster (scikit-learn’s definition: Euclidean, <Tex>s = 0</Tex> for a point
        alone in its cluster, averaged over the points).
      </p>
      <p className="ctl-help">
        Mini-batch k-means moves each centre towards the running mean of the batch points it has been given (Sculley 2010): much
        cheaper per step on big data, but inertia is no longer guaranteed to fall. Here every point is still assigned at each step,
        to colour the plot and measure inertia. Silhouettes cost O(N²), so large data sets are scored on a seeded sample.
      </p>
      <p>
        <strong>Your own data</strong> (Data set: Your CSV data): each row is a point, columns x1 and x2 (or the first two columns
        when neither name is in the header). Everything above runs unchanged on your points; only the generator’s settings (blobs,
        σ, number of points) no longer apply, and nothing says what the “true” groups are. Both columns are used as they are, so
        standardise them first if their units differ. Up to 200 rows travel in the link, each value rounded to 1/65,535 of its
        column’s range; the panel uses the rounded values, so whoever opens the link sees the same clusters. More rows stay in this
        browser only.
      </p>
    </>
  );
}
