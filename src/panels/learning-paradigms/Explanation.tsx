import { Tex } from '../../lib/tex/Tex';

export function Explanation() {
  return (
    <>
      <p>
        What makes a learning problem is the feedback, not the data. The same points are a <strong>supervised</strong> problem
        when every point comes with its label (learn the map from <Tex>x</Tex> to <Tex>y</Tex>, judged on fresh points), an{' '}
        <strong>unsupervised</strong> one when no label comes (find structure: groups, here), and a{' '}
        <strong>semi-supervised</strong> one when a few labels come with many unlabelled points, which show where the classes lie.
        <strong> Reinforcement</strong> learning has no labels at all: an agent acts, and a reward after each action says only how
        good the outcome was, often long after the choice that mattered.
      </p>
      <p>
        Clusters are not classes: k-means minimises the within-cluster squared distance{' '}
        <Tex>{String.raw`\sum_i \lVert x_i - \mu_{c(i)} \rVert^2`}</Tex> and so cuts the plane into convex cells; DBSCAN calls a point
        core when at least <Tex>m</Tex> points lie within <Tex>\varepsilon</Tex> of it (itself included, as scikit-learn
        counts), joins core points within <Tex>\varepsilon</Tex> of each other into one cluster, adds the points within{' '}
        <Tex>\varepsilon</Tex> of a core point, and calls the rest noise: chains of dense points can follow curved shapes. The adjusted Rand index compares a
        grouping with the hidden labels: 1 for the same partition, about 0 for a random one.
      </p>
      <p>
        Label propagation (scikit-learn’s LabelPropagation) builds an affinity{' '}
        <Tex>{String.raw`w_{ij} = e^{-\gamma \lVert x_i - x_j \rVert^2}`}</Tex>, scales each row to sum 1 (<Tex>{String.raw`T = D^{-1}W`}</Tex>)
        and repeats <Tex>{String.raw`F \leftarrow T F`}</Tex>, scales each row of <Tex>F</Tex> to sum 1 and resets the
        labelled rows to their labels, until <Tex>F</Tex> changes by less than <Tex>{String.raw`10^{-3}`}</Tex> in total (at
        most 1000 times). Label spreading uses{' '}
        <Tex>{String.raw`S = D^{-1/2} W D^{-1/2}`}</Tex> (zero diagonal) and <Tex>{String.raw`F \leftarrow \alpha S F + (1-\alpha) Y`}</Tex>, so
        a given label can itself be outvoted. It helps when the classes follow the dense regions of the data (the cluster
        assumption); it cannot help when they do not.
      </p>
      <p>
        Q-learning keeps an estimate <Tex>Q(s,a)</Tex> of the discounted reward of taking move <Tex>a</Tex> in cell{' '}
        <Tex>s</Tex> and acting well afterwards. After each move to <Tex>s'</Tex> with reward <Tex>r</Tex>:
      </p>
      <Tex block>{String.raw`\begin{aligned} Q(s,a) \leftarrow\ & Q(s,a) \\ & + \eta\,\big(r + \gamma \max_{a'} Q(s',a') - Q(s,a)\big), \end{aligned}`}</Tex>
      <p>
        with <Tex>{String.raw`\max_{a'} Q = 0`}</Tex> after a goal or a pit. It chooses a random move with probability{' '}
        <Tex>\varepsilon</Tex> and its best known move otherwise; the update learns about the best move whatever it did (off-policy).
        If every move in every cell is tried infinitely often and the learning rate decays suitably (
        <Tex>{String.raw`\sum_t \eta_t = \infty,\ \sum_t \eta_t^2 < \infty`}</Tex>; with deterministic moves a constant rate
        also does), <Tex>Q</Tex> converges to the <Tex>{String.raw`Q^*`}</Tex> that value iteration computes from the known rules,
        and the greedy policy to an optimal one. The panel keeps the rate constant and checks the greedy policy against value
        iteration on the same grid.
      </p>
    </>
  );
}
