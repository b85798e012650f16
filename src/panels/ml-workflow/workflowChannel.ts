/**
 * The project's three worker calls for a setting, chained outside React (issue 8): the two halves
 * of the cross-validation folds (cv.ts foldPart) on two workers and, the moment both have answered
 * for the latest setting, their join (mergeFoldParts: a few hundred numbers) and the finish on the
 * first worker, sent from the second answer's own message event. Through hooks the finish waited
 * for a render and its effect (often a painted frame) after the halves; here it does not, and the
 * page renders once per setting, with the result. Latest input wins, as in each channel.
 */
import type { Connection } from '../../lib/worker/client';
import { createComputeChannel } from '../../lib/worker/channel';
import { errorMessage } from '../../lib/worker/protocol';
import type { Half } from '../../lib/worker/useHalvesComputed';
import { mergeFoldParts, type FoldPart, type FoldTable, type WfInput, type WfResult } from './model';

export interface WorkflowState {
  /** The last finished project, and the input it is for (null before the first). */
  result: WfResult | null;
  resultFor: WfInput | null;
  /** The last failure (a half, the join or the finish), and the input it failed for; cleared by the next result. */
  error: string | null;
  errorFor: WfInput | null;
}

export interface WorkflowChannel {
  /** Asks for the project of `input` (ignored when it is the same object as the last one). */
  submit(input: WfInput): void;
  close(): void;
}

/** The look at the data (step 1) depends only on the target (and the fixed table): a new result
 *  for the same target keeps the last one's look and classes objects, equal in every number, so
 *  the memoised step-1 plots (LookPlots) skip their re-render when a slider moves. */
export function keepLook(prev: WfResult | null, next: WfResult): WfResult {
  return prev && prev.input.target === next.input.target ? { ...next, look: prev.look, classes: prev.classes } : next;
}

export function createWorkflowChannel(conns: readonly [Connection, Connection], onChange: (s: WorkflowState) => void): WorkflowChannel {
  let state: WorkflowState = { result: null, resultFor: null, error: null, errorFor: null };
  let closed = false;
  const set = (patch: Partial<WorkflowState>) => {
    state = { ...state, ...patch };
    if (!closed) onChange(state);
  };
  // The input last sent to the halves, each half's last answer with the input it answers, and the
  // input of the table last sent to the finish.
  let asked: WfInput | null = null;
  const parts: ({ input: WfInput; part: FoldPart } | null)[] = [null, null];
  let finishing: WfInput | null = null;

  // A channel's state with pending false is its latest input's answer (a result, or an error when
  // it has one): an answer to a superseded input never arrives as such (channel.ts).
  const finish = createComputeChannel<FoldTable, WfResult | null>(conns[0], 'finish', (s) => {
    if (s.pending) return;
    if (s.error !== null) set({ error: s.error, errorFor: finishing });
    else if (s.result) set({ result: keepLook(state.result, s.result), resultFor: finishing, error: null, errorFor: null });
  });

  const join = () => {
    const [a, b] = parts;
    if (asked === null || finishing === asked || a?.input !== asked || b?.input !== asked) return;
    let table: FoldTable;
    try {
      table = mergeFoldParts(asked, [a.part, b.part]);
    } catch (e) {
      set({ error: errorMessage(e), errorFor: asked });
      return;
    }
    finishing = asked;
    finish.submit(table);
  };

  const halves = conns.map((conn, shard) =>
    createComputeChannel<Half<WfInput>, FoldPart>(conn, 'folds', (s) => {
      if (s.pending || asked === null) return;
      if (s.error !== null) set({ error: s.error, errorFor: asked });
      else if (s.result) {
        parts[shard] = { input: asked, part: s.result };
        join();
      }
    }),
  );

  return {
    submit(input) {
      if (closed || input === asked) return;
      asked = input;
      halves.forEach((h, shard) => h.submit({ ...input, shard: shard as 0 | 1, shards: 2 }));
    },
    close() {
      closed = true;
      for (const ch of [...halves, finish]) ch.close();
    },
  };
}
