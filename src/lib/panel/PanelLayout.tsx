/**
 * The layout every panel view uses, so a view holds only its plots: a header strip (what is
 * computed, on which backend), the error and warning messages, the plots, the player, the
 * readout and the controls.
 *
 * On a laptop (the workbench at least 760 px wide) the player and controls sit in a column
 * beside the plots, so dragging a slider shows the picture change without scrolling; on a
 * phone everything stacks in one column with the plots first and the controls after the readout.
 * The tfjs backend badge appears by itself when the panel frame says the params run tfjs: the
 * page's backend (loaded lazily, so plain-JS panels never download tfjs) or, for usesTf 'worker',
 * the backend the panel's worker announced.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Message } from '../controls/Message';
import { WorkerBadge } from '../tf/WorkerBadge';
import { usePanelEnv } from './context';
import './layout.css';

const BackendBadge = lazy(() => import('../tf/BackendBadge').then((m) => ({ default: m.BackendBadge })));

export interface PanelLayoutProps {
  /** One sentence: what is being computed (the header strip). */
  summary: ReactNode;
  /** A badge beside it; default: the tfjs backend badge (page or worker) when the params run tfjs, else none. */
  badge?: ReactNode;
  /** A failed computation, said next to the plots. */
  error?: string | null;
  /** Warnings or notes about the current settings (degenerate, diverging, approximated). */
  notes?: ReactNode[];
  notesKind?: 'warn' | 'info';
  /** The player (<PlayerBar/>) of an iterating panel. */
  player?: ReactNode;
  /** The readout (<Readout/>). */
  readout?: ReactNode;
  /** The controls, primary first. */
  controls: ReactNode;
  /** Secondary sections after the readout (e.g. a learning curve computed on demand). */
  below?: ReactNode;
  /** The plots. */
  children?: ReactNode;
}

export function PanelLayout({ summary, badge, error, notes = [], notesKind = 'warn', player, readout, controls, below, children }: PanelLayoutProps) {
  const { usesTf } = usePanelEnv();
  const shownBadge =
    badge !== undefined ? badge : usesTf === 'worker' ? (
      <WorkerBadge />
    ) : usesTf ? (
      <Suspense fallback={<span className="badge" data-testid="backend" data-backend="">tfjs: starting…</span>}>
        <BackendBadge />
      </Suspense>
    ) : null;
  const shownNotes = notes.filter(Boolean);
  return (
    <div className="pl" data-testid="panel-layout">
      <div className="pl-head workbench-head">
        <span className="ctl-help">{summary}</span>
        {shownBadge}
      </div>
      <div className="pl-main">
        {error && (
          <div className="pl-error">
            <Message kind="error">The computation failed: {error}</Message>
          </div>
        )}
        <div className="pl-plots" data-testid="plots">
          {children}
        </div>
        {shownNotes.length > 0 && (
          <div className="pl-notes">
            <Message kind={notesKind}>
              {shownNotes.map((n, i) => (
                <span key={i} className="pl-note">
                  {n}
                </span>
              ))}
            </Message>
          </div>
        )}
        {readout && <div className="pl-readout">{readout}</div>}
        {below && <div className="pl-below">{below}</div>}
      </div>
      <div className="pl-side">
        {player && <div className="pl-player">{player}</div>}
        <div className="pl-controls">
          <h3 className="controls-title">Controls</h3>
          <div className="controls" data-testid="controls">
            {controls}
          </div>
        </div>
      </div>
    </div>
  );
}
