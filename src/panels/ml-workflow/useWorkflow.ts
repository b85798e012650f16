/**
 * The project for a setting, computed in two workers (issue 8): each scores half of every
 * cross-validation's folds (cv.ts foldPart), the page joins the halves (mergeFoldParts: a few
 * hundred numbers), and the first worker finishes the project from the joined scores (the final
 * fits, the test set, the wrong moves: a few fits, not the ~300 of the folds). The result equals
 * one worker's computeWorkflow to the bit (cv.test.ts). The three calls are chained outside React
 * (workflowChannel.ts), so the page renders once per setting, when its result is in.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { acquire, release } from '../../lib/worker/client';
import type { WfInput, WfResult } from './model';
import { createWorkflowChannel, type WorkflowChannel, type WorkflowState } from './workflowChannel';
import { workers } from './worker';

export function useWorkflow(input: WfInput): { result: WfResult | null; error: string | null; pending: boolean } {
  const [state, setState] = useState<WorkflowState>({ result: null, resultFor: null, error: null, errorFor: null });
  const channel = useRef<WorkflowChannel | null>(null);
  const latest = useRef(input);
  latest.current = input;

  useEffect(() => {
    const ch = createWorkflowChannel([acquire(workers[0]), acquire(workers[1])], setState);
    channel.current = ch;
    ch.submit(latest.current);
    return () => {
      ch.close();
      channel.current = null;
      release(workers[0]);
      release(workers[1]);
    };
  }, []);

  // A layout effect, not a passive one (as the kit's useWorkerRun sends its targets): the input
  // comes from useAfterPaint's transition render, whose passive effects React runs after that
  // render's paint, so the halves (the slowest part of a result) would leave a frame late. Sent
  // at the commit, the workers compute while the page paints the dimmed frame.
  useLayoutEffect(() => {
    channel.current?.submit(input); // the same object as the mount's submit is ignored
  }, [input]);

  // Pending from the render in which a new input appears (useDrawn relies on it) until its result,
  // or its failure (then the readout stops saying busy and the error is shown, as with the kit's hooks).
  return { result: state.result, error: state.error, pending: state.resultFor !== input && state.errorFor !== input };
}
