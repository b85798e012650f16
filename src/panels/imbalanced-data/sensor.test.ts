/**
 * The real data path: the build-time reader on the package's JSON checked against the package's
 * CSV (a separate file of the same data), the compact codec round trip, and the split by mote
 * (which motes, how many events, the ratio, the seeded subsample).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSensors, encodeSensors, type SensorModule, type SensorRow } from './sensorCodec';
import { PACKAGE, readSensorRows, sensorModule, SOURCE } from './sensor.vite';
import { countsAt, sensorSplit, TEST_MAJORITY, TEST_MOTES, TRAIN_MAJORITY, TRAIN_MOTES } from './data';
import { classCounts } from './resample';
import { fitAll } from './model';

const ROOT = process.cwd();
const CSV = join(dirname(createRequire(join(ROOT, 'package.json')).resolve(`${PACKAGE}/package.json`)), 'data', 'data.csv');

/** The CSV, parsed by hand: reading, mote_id, indoor, humidity, temperature, label. */
function csvRows(): SensorRow[] {
  const [head, ...lines] = readFileSync(CSV, 'utf8').trim().split(/\r?\n/);
  expect(head).toBe('reading,mote_id,indoor,humidity,temperature,label');
  return lines.map((l) => {
    const [, mote, , humidity, temperature, label] = l.split(',').map(Number);
    return { mote, humidity, temperature, label };
  });
}

const rows = readSensorRows(ROOT);
const table = decodeSensors(encodeSensors(rows, SOURCE));

describe('the sensor data', () => {
  it('reads every reading of the package, as its CSV has them', () => {
    const csv = csvRows();
    expect(rows.length).toBe(csv.length);
    expect(rows).toEqual(csv);
    const events = (m: number) => csv.filter((r) => r.mote === m && r.label === 1).length;
    // Events only at motes 1 and 4: the split below gives each side one of them.
    expect([1, 2, 3, 4].map(events).map((e) => e > 0)).toEqual([true, false, false, true]);
  });

  it('survives the compact codec to the hundredth', () => {
    expect(table.label.length).toBe(rows.length);
    for (let i = 0; i < rows.length; i += 97) {
      expect(table.humidity[i]).toBeCloseTo(rows[i].humidity, 10);
      expect(table.temperature[i]).toBeCloseTo(rows[i].temperature, 10);
      expect(table.label[i]).toBe(rows[i].label);
      expect(table.mote[i]).toBe(rows[i].mote);
    }
    // The module text the plugin serves decodes to the same table.
    const mod = Object.fromEntries(
      sensorModule(ROOT)
        .split('\n')
        .map((l) => l.match(/^export const (\w+) = (.*);$/)!.slice(1))
        .map(([k, v]) => [k, JSON.parse(v)]),
    ) as SensorModule;
    expect(Array.from(decodeSensors(mod).humidity)).toEqual(Array.from(table.humidity));
  });

  it('rejects a label or mote it cannot store', () => {
    expect(() => encodeSensors([{ mote: 12, humidity: 1, temperature: 1, label: 0 }], '')).toThrow();
    expect(() => encodeSensors([{ mote: 1, humidity: 1, temperature: 1, label: 2 }], '')).toThrow();
  });
});

describe('the split by mote', () => {
  const count = (motes: readonly number[], label: number) => rows.filter((r) => motes.includes(r.mote) && r.label === label).length;
  for (const [ratio, seed] of [[20, 3], [80, 1], [200, 4], [1, 2]])
    it(`trains on motes ${TRAIN_MOTES.join(', ')} and tests on ${TEST_MOTES.join(', ')} at 1 : ${ratio} (seed ${seed})`, () => {
      const s = sensorSplit(table, seed, ratio);
      const want = (motes: readonly number[], cap: number) => countsAt(count(motes, 0), count(motes, 1), ratio, cap);
      expect(classCounts(s.train.y)).toEqual(want(TRAIN_MOTES, TRAIN_MAJORITY));
      expect(classCounts(s.test.y)).toEqual(want(TEST_MOTES, TEST_MAJORITY));
      // Every row is a real reading of a mote of its side (humidity, temperature, label all match).
      const key = (h: number, t: number, l: number) => `${h.toFixed(2)}|${t.toFixed(2)}|${l}`;
      const of = (motes: readonly number[]) => new Set(rows.filter((r) => motes.includes(r.mote)).map((r) => key(r.humidity, r.temperature, r.label)));
      const trainKeys = of(TRAIN_MOTES), testKeys = of(TEST_MOTES);
      for (let i = 0; i < s.train.y.length; i++) expect(trainKeys.has(key(s.train.X.data[2 * i], s.train.X.data[2 * i + 1], s.train.y[i]))).toBe(true);
      for (let i = 0; i < s.test.y.length; i++) expect(testKeys.has(key(s.test.X.data[2 * i], s.test.X.data[2 * i + 1], s.test.y[i]))).toBe(true);
      expect(sensorSplit(table, seed, ratio).train.X.data).toEqual(s.train.X.data);
    });

  it('holds the ratio where the events allow, and says so where they run out', () => {
    expect(countsAt(9000, 117, 20, 1000)).toEqual([1000, 50]);
    expect(countsAt(9000, 32, 20, 4000)).toEqual([640, 32]);
    expect(countsAt(9000, 1, 20, 1000)).toEqual([20, 1]);
    expect(sensorSplit(table, 1, 20).messages.join(' ')).toContain('test set keeps 640 normal readings');
    expect(sensorSplit(table, 1, 200).messages).toEqual([]);
  });

  it('feeds the six fits: events are found far above chance on the unseen motes', () => {
    const f = fitAll({ data: 'sensors', ratio: 20, overlap: 0.5, k: 5, seed: 3, sensors: table });
    const prevalence = classCounts(f.split.test.y)[1] / f.split.test.y.length;
    for (const m of ['none', 'smote', 'weights'] as const) expect(f.fits[m].ap!).toBeGreaterThan(3 * prevalence);
    // The split's own note (too few events in test for 1 : 20 of every normal reading) reaches the table.
    expect(f.messages.join(' ')).toContain('test set keeps 640 normal readings');
  });
});
