/** The compact sensor data served by sensor.vite.ts (see sensorCodec.ts for the format). */
declare module 'virtual:sensor-network' {
  export const source: string;
  export const humidity: number[];
  export const temperature: number[];
  export const label: string;
  export const mote: string;
}
