/**
 * Browser side of the real data: the compact sensor readings are their own chunk, fetched only
 * when the learner picks them (a dynamic import), decoded once and kept. A failed load is not
 * kept, so choosing the data again retries.
 */
import { useEffect, useState } from 'react';
import { decodeSensors, type SensorTable } from './sensorCodec';

let loading: Promise<SensorTable> | null = null;

export function loadSensors(): Promise<SensorTable> {
  loading ??= import('virtual:sensor-network').then(decodeSensors).catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}

/** The table once loaded (null before, or while `wanted` is false: nothing is fetched then). */
export function useSensorTable(wanted: boolean): { table: SensorTable | null; error: string | null } {
  const [state, setState] = useState<{ table: SensorTable | null; error: string | null }>({ table: null, error: null });
  useEffect(() => {
    if (!wanted || state.table) return;
    let live = true;
    loadSensors().then(
      (table) => live && setState({ table, error: null }),
      (e: unknown) => live && setState({ table: null, error: `the sensor data could not be loaded (${e instanceof Error ? e.message : String(e)})` }),
    );
    return () => {
      live = false;
    };
  }, [wanted, state.table]);
  return state;
}
