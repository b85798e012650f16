/**
 * Every panel's worker.ts is bundled with the app's start-up (registry.ts imports them eagerly so
 * a link's workers start while the page script runs): each must stay a few worker factories. Its
 * value imports may reach only the kit's head start, never a model, a param schema or anything
 * else of its folder, which would then load on the home page too. Type imports are erased.
 */
import { readdirSync, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reach } from '../lib/panel/importGraph.testutil';

const here = dirname(fileURLToPath(import.meta.url));
const ALLOWED = new Set(['../../lib/worker/headStart']);
const slugs = readdirSync(here).filter((d) => statSync(join(here, d)).isDirectory() && existsSync(join(here, d, 'worker.ts')));

describe("panels' worker.ts (bundled with the app's start-up)", () => {
  it('there are some to check', () => expect(slugs.length).toBeGreaterThan(10));
  it.each(slugs)('%s/worker.ts imports nothing but the head start', (slug) => {
    const { seen, outside } = reach(join(here, slug), 'worker.ts');
    expect([...seen]).toEqual(['worker.ts']);
    expect([...outside].filter((s) => !ALLOWED.has(s))).toEqual([]);
    expect(statSync(join(here, slug, 'worker.ts')).size).toBeLessThan(2500);
  });
});
