/** Own CSV scores reach the precision-recall analysis: counts and areas by hand. */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../lib/data/csv';
import { ownDataParam } from '../../lib/data/ownData';
import { defaults } from '../../lib/params/schema';
import { analyse } from './model';
import { OWN_KEY, OWN_REQUEST, ownScores } from './own';
import { schema, type PrParams } from './params';

function load(text: string): string {
  const r = parseCsv(text, OWN_REQUEST);
  if (!r.ok) throw new Error(r.message);
  return ownDataParam(OWN_KEY, r.data.columns);
}

describe('precision-recall on own CSV data', () => {
  it('six hand-made examples: confusion counts, precision, recall, ROC AUC', () => {
    // Scores 0.1…0.9 (exact after quantisation: the range ends and the even steps land on the grid).
    const csv = load('label,score\nspam,0.9\nham,0.8\nspam,0.7\nham,0.3\nspam,0.2\nham,0.1\n');
    const own = ownScores({ csv });
    expect(own.messages).toEqual([]);
    const p = { ...defaults(schema), data: 'csv', csv, threshold: 0.5 } as PrParams;
    const r = analyse(own.set!, p);
    // "ham" < "spam": spam is the positive class. At 0.5: TP = 2 (0.9, 0.7), FP = 1 (0.8), FN = 1 (0.2), TN = 2.
    expect(r.current.counts).toEqual({ tp: 2, fp: 1, tn: 2, fn: 1 });
    expect(r.current.metrics.precision).toBeCloseTo(2 / 3, 12);
    expect(r.current.metrics.recall).toBeCloseTo(2 / 3, 12);
    // AUC = share of (pos, neg) pairs ranked right: pos {0.9, 0.7, 0.2} vs neg {0.8, 0.3, 0.1}: 3 + 2 + 1 = 6 of 9.
    expect(r.rankAuc).toBeCloseTo(6 / 9, 12);
    expect(r.rocAuc).toBeCloseTo(6 / 9, 12);
    expect(r.population).toBeNull();
  });
  it('scores beyond the threshold range are said; no data gives a message', () => {
    const csv = load('score,label\n-20,0\n30,1\n5,0\n');
    expect(ownScores({ csv }).messages[0]).toMatch(/run from -20 to 30/);
    expect(ownScores({ csv: '' })).toEqual({ set: null, messages: [expect.stringMatching(/No CSV data loaded yet/)] });
    expect(ownScores({ csv: 'zz' }).set).toBeNull();
  });
});
