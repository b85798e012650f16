/** Test-only: the penguins table read from the installed package, as the worker's loader gets it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toTable, type Table } from './data';

export const PENGUINS_FILE = join(process.cwd(), 'node_modules', 'vega-datasets', 'data', 'penguins.json');

export function penguinRows(): Record<string, unknown>[] {
  return JSON.parse(readFileSync(PENGUINS_FILE, 'utf8')) as Record<string, unknown>[];
}

let table: Table | null = null;
export const penguins = (): Table => (table ??= toTable(penguinRows()));
