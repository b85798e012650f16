/**
 * The project for a setting, computed in two workers (issue 8): each scores half of every
 * cross-validation's folds (cv.ts foldPart), the page joins the halves (mergeFoldParts: a few
 * hundred numbers), and the first worker finishes the project from the joined scores (the final
 * fits, the test set, the wrong moves: a few fits, not the ~300 of the folds). The result equals
 * one worker's computeWorkflow to the bit (cv.test.ts). Same shape as useWorkerComputed's.
 */
import { useHalvesComputed } from '../../lib/worker/useHalvesComputed';
import { useWorkerComputed } from '../../lib/worker/useWorkerComputed';
import { mergeFoldParts, type FoldPart, type FoldTable, type WfInput, type WfResult } from './model';

// Vite's static worker pattern (lib/worker/client.ts): two factories, one worker each.
const workers = [
  () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }),
  () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }),
] as const;

const join = (input: WfInput, parts: [FoldPart, FoldPart]) => mergeFoldParts(input, parts);

export function useWorkflow(input: WfInput): { result: WfResult | null; error: string | null; pending: boolean } {
  const halves = useHalvesComputed<WfInput, FoldPart, FoldTable>(workers, 'folds', input, join);
  // The last joined scores (kept while newer halves are pending); null before the first.
  const table = halves.result;
  const finished = useWorkerComputed<FoldTable | null, WfResult | null>(workers[0], 'finish', table);
  const current = table !== null && table.input === input && !halves.pending;
  return { result: finished.result, error: halves.error ?? finished.error, pending: !current || finished.pending };
}
