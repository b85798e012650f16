/**
 * The head start on a link (issue 8, link opens). The router starts the worker as soon as the
 * address is known (worker.ts), but the page asks for autodiff only after its chunks have loaded,
 * its first render is committed and painted (useAfterPaint): meanwhile the worker sat loaded and
 * idle, and then spent its first answer starting tfjs's backend and warming its kernels. Now the
 * new worker is told the address first (lib/worker/headStart.ts), reads the params from it as the
 * page's store does (parseQuery with the panel's schema), and starts that very autodiff at once.
 * The page's first request takes it when it asks for the same numbers (autodiffKey), or computes
 * its own as before. Nothing is sent unasked; the answer is the same function on the same input.
 */
import { parseQuery } from '../../lib/params/url';
import type { AutodiffInput, AutodiffResult } from './grads.tf';
import { autodiffInput, autodiffKey } from './autodiffInput';
import { computeLesson } from './lesson';
import { schema } from './params';

/** The autodiff input the page's first render asks for at this address. */
export function linkedInput(search: string): AutodiffInput {
  return autodiffInput(computeLesson(parseQuery(schema, search).params));
}

export interface EarlyAnswer {
  /** Starts `compute` on the address's input (once; a later call is ignored). */
  begin(search: string): void;
  /** The answer to a request: the head start's when it was for the same numbers (used once), else a new one. */
  take(inp: AutodiffInput): Promise<AutodiffResult>;
}

export function createEarlyAnswer(compute: (inp: AutodiffInput) => Promise<AutodiffResult>): EarlyAnswer {
  let early: { key: string; answer: Promise<AutodiffResult> } | null = null;
  let begun = false;
  return {
    begin(search) {
      if (begun) return;
      begun = true;
      const inp = linkedInput(search);
      const answer = compute(inp);
      // A failure loses only the head start: the request then computes and reports its own.
      answer.catch(() => {});
      early = { key: autodiffKey(inp), answer };
    },
    take(inp) {
      const e = early;
      early = null; // one request's worth: later ones compute as they always did
      if (e && e.key === autodiffKey(inp)) return e.answer.catch(() => compute(inp));
      return compute(inp);
    },
  };
}
