/**
 * The text readout: the numbers that matter, as a definition list a screen reader can read and
 * a test can assert. data-busy is "true" while a newer result is still being computed. Rows with a testId expose their value as data-testid for e2e checks.
 */
import type { ReactNode } from 'react';

export interface ReadoutRow {
  label: ReactNode;
  value: ReactNode;
  testId?: string;
  /** Colour swatch tying the number to its line in a plot. */
  color?: string;
}

export interface ReadoutProps {
  rows: ReadoutRow[];
  title?: string;
  busy?: boolean;
  /**
   * The settings asked for but not yet shown, in words (lib/params/describe changedSettings),
   * said beside the title ("computing for …"), so the new setting is seen at once while the numbers
   * below are still those of the old one (issue 8). In the title line, so nothing below moves.
   */
  computing?: string;
}

export function Readout({ rows, title = 'Readout', busy = false, computing = '' }: ReadoutProps) {
  return (
    <section className="readout" aria-label={title} data-testid="readout" aria-live="polite" aria-busy={busy} data-busy={busy ? 'true' : 'false'}>
      <div className="readout-head">
        <h3 className="readout-title">{title}</h3>
        {computing && (
          <span className="readout-pending">
            computing for <span data-testid="ro-pending">{computing}</span>
          </span>
        )}
      </div>
      <dl>
        {rows.map((r, i) => (
          <div key={i} className="readout-row">
            <dt>
              {r.color && <span className="swatch" style={{ background: r.color }} aria-hidden="true" />}
              {r.label}
            </dt>
            <dd data-testid={r.testId}>{r.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
