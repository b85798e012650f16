/**
 * The page's side of CSV parsing: refuses an input over MAX_BYTES by its size (before reading a
 * byte), then parses it in a one-off module worker (csv.worker.ts), so a large or hostile file
 * never freezes the tab. Resolves to the same result shape as csv.ts; never rejects.
 */
import { MAX_BYTES, type CsvRequest, type CsvResult } from './csv';
import type { ParseMessage } from './csv.worker';

const MB = MAX_BYTES / 1024 / 1024;

export function parseOffThread(source: File | string, request: CsvRequest): Promise<CsvResult> {
  const size = typeof source === 'string' ? source.length : source.size;
  if (size > MAX_BYTES) return Promise.resolve({ ok: false, message: `The ${typeof source === 'string' ? 'pasted text' : 'file'} is larger than ${MB} MB; nothing was read.` });
  if (size === 0) return Promise.resolve({ ok: false, message: 'The file is empty.' });
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./csv.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve({ ok: false, message: 'This browser could not start the CSV reader.' });
      return;
    }
    const done = (r: CsvResult) => {
      worker.terminate();
      resolve(r);
    };
    worker.addEventListener('message', (e: MessageEvent<CsvResult>) => done(e.data));
    worker.addEventListener('error', () => done({ ok: false, message: 'The CSV reader failed on this input.' }));
    worker.addEventListener('messageerror', () => done({ ok: false, message: 'The CSV reader’s answer could not be read.' }));
    worker.postMessage({ source, request } satisfies ParseMessage);
  });
}
