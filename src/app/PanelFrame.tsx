/**
 * The frame every panel sits in: question and title, Copy link / Reset, the link notice, the
 * explanation with its "Try this" experiments, the panel's own view inside an error boundary,
 * and previous / next navigation.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearch } from 'wouter';
import { useStore } from 'zustand';
import type { Interview, PanelModule } from '../lib/panel/types';
import { queryFor, serialize } from '../lib/params/url';
import { CopyLink } from '../lib/controls/CopyLink';
import { BUILT, type RegistryEntry } from '../panels/registry';
import { ErrorBoundary } from './ErrorBoundary';
import { useUrlSync } from './useUrlSync';
import { onBackendChange } from '../lib/tf/events';
import { PanelEnvContext } from '../lib/panel/context';
import { extrasQuery, readExtras, type LinkExtras } from '../lib/params/extras';
import { ShareTools } from './ShareTools';
import { TourBar, TourStart } from './TourBar';
import { InterviewSection } from './InterviewSection';
import { markOpened } from './progress';

const BASE = import.meta.env.BASE_URL;

export function PanelFrame({ entry, panel }: { entry: RegistryEntry; panel: PanelModule }) {
  const { store, experiments, Explanation, View, interview } = panel;
  useEffect(() => markOpened(entry.slug), [entry.slug]);
  const setExtras = useUrlSync(store);
  const extras = readExtras(useSearch(), experiments.length);
  const { embed } = extras;
  useEffect(() => {
    // The root element says so (issue 14), and app.css hides the site header and footer.
    if (embed) document.documentElement.dataset.embed = '1';
    return () => {
      delete document.documentElement.dataset.embed;
    };
  }, [embed]);
  const notices = useStore(store, (s) => s.notices);
  const usesTf = useStore(store, (s) => (typeof panel.usesTf === 'function' ? panel.usesTf(s.params) : panel.usesTf));
  const env = useMemo(() => ({ usesTf }), [usesTf]);
  const [epoch, setEpoch] = useState(0);
  const reset = () => {
    store.getState().reset();
    setEpoch((e) => e + 1);
  };
  // A backend switch mid-session (lost WebGL context) invalidates every tensor a panel holds:
  // remount its view, which rebuilds its state from the params on the new backend.
  const seenGeneration = useRef<number | null>(null);
  useEffect(
    () =>
      onBackendChange((b) => {
        if (seenGeneration.current !== null && b.generation !== seenGeneration.current) setEpoch((e) => e + 1);
        seenGeneration.current = b.generation;
      }),
    [],
  );
  // Made once per panel: the frame re-renders whenever the address changes (every slider move,
  // via useUrlSync), and neither the view (it follows the store itself) nor the explanation
  // (KaTeX) should render again for that (issue 8).
  const view = useMemo(() => <View />, [View]);
  // "Try this" links and the tour keep the sender's note (and a forced backend stays via the URL).
  const note = extras.note;
  const interviewSection = useMemo(
    () =>
      interview && (
        <InterviewSection
          slug={entry.slug}
          interview={interview as Interview}
          hrefOf={(p) => `/${entry.slug}/?${queryFor(store.schema, p as never)}${extrasQuery({ embed: false, note, tour: 0 })}`}
        />
      ),
    [interview, entry.slug, store.schema, note],
  );
  const explain = useMemo(
    () => (
      <>
        <ErrorBoundary label="The explanation">
          <Explanation />
        </ErrorBoundary>
        <h2>Try this</h2>
        <TourStart slug={entry.slug} count={experiments.length} note={note} queryOf={(i) => queryFor(store.schema, experiments[i].params)} />
        <ol className="experiments" data-testid="experiments">
          {experiments.map((x, i) => (
            <li key={i}>
              <Link href={`/${entry.slug}/?${queryFor(store.schema, x.params)}${extrasQuery({ embed: false, note, tour: 0 })}`} data-testid={`experiment-${i}`}>
                {x.title}
              </Link>
              <p>{x.notice}</p>
            </li>
          ))}
        </ol>
        {interviewSection}
      </>
    ),
    [Explanation, experiments, entry.slug, store.schema, note, interviewSection],
  );
  const idx = BUILT.findIndex((e) => e.slug === entry.slug);
  const prev = idx > 0 ? BUILT[idx - 1] : null;
  const next = idx >= 0 && idx < BUILT.length - 1 ? BUILT[idx + 1] : null;
  const linkWith = (x: LinkExtras) => `${window.location.origin}${BASE}${entry.slug}/?${serialize(store.schema, store.getState().params)}${extrasQuery(x)}`;
  const linkHref = () => linkWith({ ...extras, embed: false });
  const queryOf = (i: number) => queryFor(store.schema, experiments[i].params);

  return (
    <main
      id="main"
      className={embed ? 'panel panel-embed' : 'panel'}
      data-panel={entry.slug}
      data-embed={embed ? '1' : undefined}
      data-uses-tf={usesTf === 'worker' ? 'worker' : usesTf ? 'true' : 'false'}
    >
      {embed ? (
        <header className="panel-head">
          <h1>{entry.title}</h1>
          <a href={linkHref()} target="_blank" rel="noopener" data-testid="open-full">
            Open the full panel ↗
          </a>
        </header>
      ) : (
        <header className="panel-head">
          <div>
            <p className="q-eyebrow">Question {entry.number}</p>
            <h1>{entry.title}</h1>
          </div>
          <div className="panel-actions">
            <CopyLink href={linkHref} />
            <ShareTools extras={extras} setExtras={setExtras} linkWith={linkWith} title={entry.title} />
            <button type="button" onClick={reset} data-testid="reset">
              Reset
            </button>
          </div>
        </header>
      )}
      {extras.note && (
        <p className="msg msg-info link-note" data-testid="link-note">
          <strong>Note from the sender:</strong> {extras.note}
        </p>
      )}
      {notices.length > 0 && (
        <div className="msg msg-warn link-notice" role="status" data-testid="link-notice">
          <p>
            <strong>This link held values the panel could not use.</strong> They were repaired:
          </p>
          <ul>
            {notices.slice(0, 6).map((n, i) => (
              <li key={i}>{n}</li>
            ))}
            {notices.length > 6 && <li>…and {notices.length - 6} more.</li>}
          </ul>
          <button type="button" onClick={() => store.getState().dismissNotices()}>
            Dismiss
          </button>
        </div>
      )}
      <TourBar experiments={experiments} extras={extras} queryOf={queryOf} slug={entry.slug} setExtras={setExtras} />
      <div className="panel-grid">
        <section className="workbench" aria-label="Interactive panel">
          <ErrorBoundary key={epoch} onReset={reset} label={entry.title}>
            <CrashProbe slug={entry.slug} />
            <PanelEnvContext.Provider value={env}>{view}</PanelEnvContext.Provider>
          </ErrorBoundary>
          {embed && extras.showAnswer && interviewSection}
        </section>
        {!embed && (
          <aside className="explain" aria-label="Explanation">
            {explain}
          </aside>
        )}
      </div>
      {!embed && (
        <nav className="panel-nav" aria-label="More questions">
          {prev ? <Link href={`/${prev.slug}/`} data-testid="prev">← {prev.number}. {prev.title}</Link> : <span />}
          <Link href="/">All questions</Link>
          {next ? <Link href={`/${next.slug}/`} data-testid="next">{next.number}. {next.title} →</Link> : <span />}
        </nav>
      )}
    </main>
  );
}

/** For the e2e suite: throws while window.__mlCrash names this panel, to prove that the error
 *  boundary contains a failing panel. Only a script on the page can set it, never a link. */
function CrashProbe({ slug }: { slug: string }) {
  if ((window as unknown as { __mlCrash?: string }).__mlCrash === slug) throw new Error('Simulated panel failure (test)');
  return null;
}
