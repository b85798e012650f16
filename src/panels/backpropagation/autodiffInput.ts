/**
 * What the page asks the worker for (tfjs autodiff of the shown weights), from a lesson: one
 * function for the view and the worker's head start (headStart.ts), so both ask for the same
 * numbers. No tfjs here (the AutodiffInput import is a type).
 */
import type { AutodiffInput } from './grads.tf';
import { flatten } from './model';
import type { Lesson } from './lesson';

/** The weights in use, the example and the loss: everything autodiff reads, nothing else. */
export function autodiffInput(lesson: Lesson): AutodiffInput {
  return { theta: flatten(lesson.net), x: [lesson.setup.x[0], lesson.setup.x[1]], t: lesson.setup.t, act: lesson.setup.act, head: lesson.setup.head };
}

/** Equal for inputs with equal numbers: the view keys its request on it (a node step keeps it). */
export function autodiffKey(inp: AutodiffInput): string {
  return `${inp.theta.join(',')}|${inp.x.join(',')}|${inp.t}|${inp.act}|${inp.head}`;
}
