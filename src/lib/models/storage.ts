/**
 * Saved models in this browser (IndexedDB, database "ml-intuition", store "models"), and as
 * files. What is read back is validated again (storage is as untrusted as a file: another tab,
 * an older version or a curious learner may have written it). Where IndexedDB is missing
 * (private windows in some browsers, Node) every call rejects with a sentence that says so.
 */
import { MODEL_LIMITS, fileNameFor, parseModelText, serializeModel, validateModel, type SavedModel, type Validation } from './format';

const DB = 'ml-intuition';
const STORE = 'models';
/** At most this many models are kept; saving another drops the oldest. */
export const MAX_SAVED = 20;

export interface SavedEntry {
  id: number;
  model: SavedModel;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('this browser offers no storage for saved models (IndexedDB)'));
      return;
    }
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new Error(`the model storage could not be opened (${req.error?.message ?? 'unknown error'})`));
    req.onblocked = () => reject(new Error('the model storage is held by another tab of this app'));
  });
}

function run<T>(mode: IDBTransactionMode, body: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const req = body(tx.objectStore(STORE));
        let value = undefined as T;
        req.onsuccess = () => (value = req.result);
        tx.oncomplete = () => {
          db.close();
          resolve(value);
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          reject(new Error(`the model storage failed (${tx.error?.message ?? 'unknown error'})`));
        };
      }),
  );
}

/** Every valid saved model, newest first (invalid records are skipped, not shown). */
export async function listModels(): Promise<SavedEntry[]> {
  const rows = await run<unknown[]>('readonly', (s) => s.getAll());
  const out: SavedEntry[] = [];
  for (const r of rows) {
    const id = (r as { id?: unknown }).id;
    const v = validateModel((r as { model?: unknown }).model);
    if (typeof id === 'number' && v.ok) out.push({ id, model: v.model });
  }
  return out.sort((a, b) => b.id - a.id);
}

/** Saves a model (validated first); returns its id. */
export async function saveModel(m: SavedModel): Promise<number> {
  const v = validateModel(JSON.parse(serializeModel(m)));
  if (!v.ok) throw new Error(`the model is not valid: ${v.problems.join('; ')}`);
  const id = await run<IDBValidKey>('readwrite', (s) => s.add({ model: v.model }));
  const keys = await run<IDBValidKey[]>('readonly', (s) => s.getAllKeys());
  const old = (keys as number[]).sort((a, b) => a - b).slice(0, Math.max(0, keys.length - MAX_SAVED));
  for (const k of old) await run('readwrite', (s) => s.delete(k));
  return id as number;
}

export async function deleteModel(id: number): Promise<void> {
  await run('readwrite', (s) => s.delete(id));
}

/** Offers the model as a JSON file download. */
export function exportModel(m: SavedModel): void {
  const url = URL.createObjectURL(new Blob([serializeModel(m)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameFor(m);
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Released a little later: revoking at once can cancel the download before it has read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

/** Reads and validates a file the learner chose; never throws. */
export async function readModelFile(file: Blob): Promise<Validation> {
  if (file.size > MODEL_LIMITS.fileBytes) return { ok: false, problems: [`it is larger than ${MODEL_LIMITS.fileBytes / 1e6} MB`] };
  try {
    return parseModelText(await file.text());
  } catch {
    return { ok: false, problems: ['it could not be read'] };
  }
}
