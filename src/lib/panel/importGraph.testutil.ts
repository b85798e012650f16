/**
 * For tests that keep a panel's page light (pageImports.test.ts in a panel folder): which modules
 * of the folder a page module reaches through value imports, read from the sources. A value import
 * of a worker-only module makes the page's chunk load it (and what it imports: learners, tfjs);
 * type imports are erased and do not count.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The value imports of a source text (not `import type`, and not `type X` only lists). */
export function valueImports(src: string): string[] {
  const out: string[] = [];
  for (const m of src.matchAll(/^import\s+(type\s+)?([^;]*?)\s+from\s+'([^']+)';/gms)) {
    if (m[1]) continue;
    const names = m[2].replace(/[{}]/g, '').split(',').map((s) => s.trim()).filter(Boolean);
    if (names.length > 0 && names.every((s) => s.startsWith('type '))) continue;
    out.push(m[3]);
  }
  for (const m of src.matchAll(/^import\s+'([^']+)';/gm)) out.push(m[1]);
  for (const m of src.matchAll(/^export\s+(?!type)[^;]*?\s+from\s+'([^']+)';/gm)) out.push(m[1]);
  return out;
}

/** Every module of `folder` that `entry` reaches through value imports (file names), and every
 *  import from outside the folder (as written). */
export function reach(folder: string, entry: string): { seen: Set<string>; outside: Set<string> } {
  const seen = new Set<string>(), outside = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of valueImports(readFileSync(join(folder, file), 'utf8'))) {
      if (!spec.startsWith('./')) {
        outside.add(spec);
        continue;
      }
      if (spec.endsWith('.css')) continue;
      const name = ['.ts', '.tsx'].map((e) => spec.slice(2) + e).find((f) => existsSync(join(folder, f)));
      if (!name) throw new Error(`${file}: cannot find ${spec}`);
      stack.push(name);
    }
  }
  return { seen, outside };
}
