/**
 * Parses the learner's CSV off the main thread: reads the File (already checked for size by the
 * page), parses and validates it (csv.ts), and sends back the chosen columns as typed arrays
 * (moved, not copied). One worker per parse; the page terminates it when the answer arrives.
 */
import { MAX_BYTES, parseCsv, type CsvRequest, type CsvResult } from './csv';

export interface ParseMessage {
  source: File | string;
  request: CsvRequest;
}

self.addEventListener('message', (e: MessageEvent<ParseMessage>) => {
  void (async () => {
    let result: CsvResult;
    try {
      const { source, request } = e.data;
      // Checked again here: the size is known before a single byte is read.
      if (typeof source !== 'string' && source.size > MAX_BYTES) result = { ok: false, message: `The file is larger than ${MAX_BYTES / 1024 / 1024} MB; nothing was read.` };
      else result = parseCsv(typeof source === 'string' ? source : await source.text(), request);
    } catch {
      result = { ok: false, message: 'The file could not be read.' };
    }
    (self as unknown as Worker).postMessage(result, result.ok ? result.data.columns.map((c) => c.buffer) : []);
  })();
});
