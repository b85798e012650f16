/**
 * The text readout: the numbers that matter, as a definition list a screen reader can read and
 * a test can assert. data-busy is "true" while a newer result is still being computed. Rows with a testId expose their value as data-testid for e2e checks.
 */
import { useRef, useState, type ReactNode } from 'react';

/** The readout as tab-separated text (label, value per line) for a spreadsheet or notes. */
export function readoutTsv(section: HTMLElement): string {
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
  return Array.from(section.querySelectorAll('.readout-row'))
    .map((row) => `${clean(row.querySelector('dt')?.textContent ?? '')}\t${clean(row.querySelector('dd')?.textContent ?? '')}`)
    .join('\n');
}

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
  /**
   * How far the new setting's run has come while the numbers below are still the old ones (a
   * replay training toward a step: "step 12 of 50 in the plots"). Its first appearance is the
   * run's first visible progress, which `npm run bench` times (issue 8).
   */
  progress?: string;
}

export function Readout({ rows, title = 'Readout', busy = false, computing = '', progress = '' }: ReadoutProps) {
  const ref = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (!ref.current) return;
    try {
      await navigator.clipboard.writeText(readoutTsv(ref.current));
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <section ref={ref} className="readout" aria-label={title} data-testid="readout" aria-live="polite" aria-busy={busy} data-busy={busy ? 'true' : 'false'}>
      <div className="readout-head">
        <h3 className="readout-title">{title}</h3>
        {/* Its text never changes (the readout's text is what tests compare); "copied" is CSS. */}
        <button type="button" className="readout-copy" onClick={() => void copy()} data-copied={copied ? '1' : undefined} data-testid="readout-copy" aria-label="Copy the readout as a table">
          Copy table
        </button>
        {computing && (
          <span className="readout-pending">
            computing for <span data-testid="ro-pending">{computing}</span>
            {progress && (
              <>
                {' '}
                (<span data-testid="ro-progress">{progress}</span>)
              </>
            )}
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
