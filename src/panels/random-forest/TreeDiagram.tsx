/**
 * The picked tree drawn as a tree: each split with its feature and threshold, each node's
 * class counts (bootstrap duplicates counted, as the tree saw them) and impurity. Four levels
 * are drawn at a time (three on a phone); a node at the fourth level with more below shows how many, and any
 * split can be opened as the top of the drawing (a button), so a deep tree stays readable.
 * Nodes are HTML buttons and text over an SVG of the edges, so keyboard and screen readers
 * reach them; the drawing scrolls sideways when it is wider than its column.
 */
import { memo, useMemo, useState } from 'react';
import type { Tree } from '../../lib/learn/api';
import { fmt } from '../../lib/format/format';
import { useSize } from '../../lib/plot/useSize';
import { featureName } from './data';
import { classColor } from './look';
import { FigureMenu } from '../../lib/export/FigureMenu';

/** Levels drawn at once: four where eight boxes fit side by side, else three (phones scroll). */
const MIN_COL = 80;
const levelsFor = (width: number) => (width >= 8 * MIN_COL ? 4 : 3);
const ROW = 86;
const BOX_H = 66;

interface Placed {
  node: number;
  rel: number;
  x: number;
  /** Internal node drawn without its children (they are below the drawn levels). */
  collapsed: boolean;
  parent: number;
}

/** Nodes in the subtree under `node`, itself included. */
function subtreeSize(t: Tree, node: number): number {
  let nodes = 0;
  const stack = [node];
  while (stack.length) {
    const k = stack.pop()!;
    nodes++;
    if (t.feature[k] >= 0) stack.push(t.left[k], t.right[k]);
  }
  return nodes;
}

/** In-order slots for the drawn leaves; a split sits midway over its two children. */
function layout(t: Tree, top: number, levels: number): Placed[] {
  const out: Placed[] = [];
  let slot = 0;
  const visit = (node: number, rel: number, parent: number): number => {
    const internal = t.feature[node] >= 0;
    if (!internal || rel === levels - 1) {
      out.push({ node, rel, x: slot++, collapsed: internal, parent });
      return out[out.length - 1].x;
    }
    const me: Placed = { node, rel, x: 0, collapsed: false, parent };
    out.push(me);
    const a = visit(t.left[node], rel + 1, node);
    const b = visit(t.right[node], rel + 1, node);
    me.x = (a + b) / 2;
    return me.x;
  };
  visit(top, 0, -1);
  return out;
}

/** The conditions from the root down to `node` ("x₁ > 0.42, x₂ ≤ −0.1"). */
function pathTo(t: Tree, node: number): string[] {
  const parent = new Int32Array(t.nodeCount).fill(-1);
  for (let k = 0; k < t.nodeCount; k++) if (t.feature[k] >= 0) parent[t.left[k]] = parent[t.right[k]] = k;
  const steps: string[] = [];
  for (let k = node; parent[k] >= 0; k = parent[k]) {
    const p = parent[k];
    steps.unshift(`${featureName(t.feature[p])} ${t.left[p] === k ? '≤' : '>'} ${fmt(t.threshold[p], 3)}`);
  }
  return steps;
}

function Counts({ t, node }: { t: Tree; node: number }) {
  const K = t.nClasses;
  return (
    <span className="rf-node-counts">
      {Array.from({ length: K }, (_, k) => (
        <span key={k}>
          {k > 0 && ' · '}
          <span className="swatch" style={{ background: classColor(k) }} aria-hidden="true" />
          {fmt(Math.round(t.value[node * K + k]), 4)}
        </span>
      ))}
    </span>
  );
}

interface TreeDiagramProps {
  tree: Tree;
  index: number;
  criterion: string;
  /** The forest the tree belongs to: with the index, it names the tree (views arrive as copies). */
  forestKey: string;
}

export const TreeDiagram = memo(function TreeDiagram({ tree, index, criterion, forestKey }: TreeDiagramProps) {
  // The split drawn at the top, for this forest's tree: another forest or tree starts at its root.
  // Reset here rather than by remounting the figure (a `key`): a remount rebuilds every node and
  // measures the width again, three renders for each new forest instead of one (issue 8).
  const shows = `${forestKey}|${index}`;
  const [opened, setOpened] = useState({ shows, top: 0 });
  const top = opened.shows === shows ? opened.top : 0;
  const setTop = (node: number) => setOpened({ shows, top: node });
  const { ref, width: room } = useSize<HTMLDivElement>();
  const levels = levelsFor(room);
  const root = top < tree.nodeCount ? top : 0;
  const placed = useMemo(() => layout(tree, root, levels), [tree, root, levels]);
  const cols = placed.reduce((m, p) => Math.max(m, p.x + 1), 1);
  // Columns share the room (up to 124 px each), never narrower than a threshold's text needs.
  const COL = Math.max(MIN_COL, Math.min(124, Math.floor(room / cols)));
  const BOX_W = COL - 8;
  const rows = placed.reduce((m, p) => Math.max(m, p.rel + 1), 1);
  const width = cols * COL, height = (rows - 1) * ROW + BOX_H + 4;
  const at = new Map(placed.map((p) => [p.node, p]));
  const cx = (p: Placed) => p.x * COL + COL / 2;
  const path = root === 0 ? [] : pathTo(tree, root);
  const leaves = useMemo(() => {
    let k = 0;
    for (let i = 0; i < tree.nodeCount; i++) if (tree.feature[i] < 0) k++;
    return k;
  }, [tree]);
  const maxDepth = useMemo(() => tree.depth.reduce((m, d) => Math.max(m, d), 0), [tree]);
  const imp = criterion === 'entropy' ? 'ent.' : 'gini';

  return (
    <figure className="rf-tree" data-testid="tree-diagram" style={{ position: 'relative' }}>
      <figcaption className="rf-tree-title" style={{ paddingRight: '3.5em' }}>
        Tree {index + 1} drawn: {tree.nodeCount} nodes, {leaves} leaves, depth {maxDepth}
      </figcaption>
      <FigureMenu plotTitle={`Tree ${index + 1}`} />
      <div className="rf-tree-path">
        {root === 0 ? (
          <span>From the root. {maxDepth >= levels ? 'Choose a split to draw the tree from there.' : ''}</span>
        ) : (
          <>
            <button type="button" onClick={() => setTop(0)} data-testid="tree-root">
              ↑ Back to the root
            </button>{' '}
            <span>Below {path.join(', ')}</span>
          </>
        )}
      </div>
      <div ref={ref} className="rf-tree-scroll" tabIndex={0} role="region" aria-label={`Tree ${index + 1} diagram (scrolls sideways)`}>
        <div className="rf-tree-canvas" style={{ width, height }}>
          <svg width={width} height={height} aria-hidden="true" className="rf-tree-edges">
            {placed
              .filter((p) => p.parent >= 0 && at.has(p.parent))
              .map((p) => {
                const q = at.get(p.parent)!;
                return <path key={p.node} d={`M${cx(q)},${q.rel * ROW + BOX_H} C${cx(q)},${q.rel * ROW + BOX_H + 12} ${cx(p)},${p.rel * ROW - 12} ${cx(p)},${p.rel * ROW}`} />;
              })}
          </svg>
          {placed.map((p) => {
            const internal = tree.feature[p.node] >= 0;
            const style = { left: cx(p) - BOX_W / 2, top: p.rel * ROW, width: BOX_W, height: BOX_H };
            const body = (
              <>
                <span className="rf-node-head">
                  {internal ? `${featureName(tree.feature[p.node])} ≤ ${two(tree.threshold[p.node])}` : `→ class ${majority(tree, p.node)}`}
                </span>
                <Counts t={tree} node={p.node} />
                <span className="rf-node-sub">
                  {p.collapsed ? `▸ +${subtreeSize(tree, p.node) - 1} below` : `${imp} ${fmt(tree.impurity[p.node], 2)}`}
                </span>
              </>
            );
            return internal && p.node !== root ? (
              <button key={p.node} type="button" className="rf-node rf-split" style={style} onClick={() => setTop(p.node)} title="Draw the tree from this split">
                {body}
              </button>
            ) : (
              <div key={p.node} className={`rf-node ${internal ? 'rf-split' : 'rf-leaf'}`} style={style}>
                {body}
              </div>
            );
          })}
        </div>
      </div>
      <p className="rf-tree-note">
        A point goes left when its value is ≤ the threshold. Counts: training points of each class reaching the node (a point
        drawn twice by the bootstrap counts twice); {criterion === 'entropy' ? 'ent. = entropy in bits' : 'gini = Gini impurity'}; a leaf
        predicts its majority class; “+k below”: nodes not drawn (choose the split to see them).
      </p>
    </figure>
  );
}, (a, b) => a.forestKey === b.forestKey && a.index === b.index && a.criterion === b.criterion);

/** Thresholds in the boxes to two decimals: short enough for a narrow box. */
const two = (v: number) => v.toFixed(2).replace('-', '−');

function majority(t: Tree, node: number): number {
  const K = t.nClasses;
  let best = 0;
  for (let k = 1; k < K; k++) if (t.value[node * K + k] > t.value[node * K + best]) best = k;
  return best;
}
