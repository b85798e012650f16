/**
 * Whether a split grid would draw the same picture again (issue 8): every new result of the
 * main job is a new object, even when a slider (the neighbours k, say) left the data and the
 * splits as they were, and redrawing six canvases costs the page a good part of a frame. A grid
 * compares what it draws (the strips' class, group and time of every sample; each split's train
 * and test samples) with what it drew last, and skips the redraw when nothing differs.
 * Pure: no React, no DOM.
 */
import type { CvData } from './data';
import type { Split } from './splitters';

type Seq = ArrayLike<number>;

function sameSeq(a: Seq, b: Seq): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The samples' strips (class, group, time) are equal, sample by sample. */
export function sameStrips(a: CvData, b: CvData): boolean {
  return a === b || (a.n === b.n && sameSeq(a.y, b.y) && sameSeq(a.group, b.group) && sameSeq(a.time, b.time));
}

/** The splits are equal, split by split (null: the scheme cannot split; its message is drawn by the caption). */
export function sameSplits(a: readonly Split[] | null, b: readonly Split[] | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || a.length !== b.length) return false;
  return a.every((s, r) => sameSeq(s.train, b[r].train) && sameSeq(s.test, b[r].test));
}
