/** A setting's cache key (compute.worker.ts): every field the project depends on, in a fixed
 *  order (numbers as JavaScript prints them: one string per double). Pure: no DOM. */
import type { WfInput } from './model';

const FIELDS = ['target', 'test', 'folds', 'impute', 'scale', 'encode', 'model', 'tuning', 'leak', 'prepFit', 'seed'] as const satisfies readonly (keyof WfInput)[];

export const settingKey = (p: WfInput): string => FIELDS.map((f) => String(p[f])).join(' ');

/** The fields the key reads (settingKey.test.ts checks they are all of WfInput's). */
export const KEY_FIELDS: readonly string[] = FIELDS;
