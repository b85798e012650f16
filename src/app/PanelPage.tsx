/** Loads a panel's chunk on demand and hands it to the frame; a load failure is shown, not thrown. */
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { PanelModule } from '../lib/panel/types';
import type { RegistryEntry } from '../panels/registry';
import { PanelFrame } from './PanelFrame';
import { sanitizeAddress } from './sanitizeAddress';

export function PanelPage({ entry }: { entry: RegistryEntry }) {
  const [mod, setMod] = useState<{ slug: string; m: PanelModule } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${entry.title} · ML Intuition`;
    if (!entry.load) return;
    let live = true;
    setFailed(null);
    sanitizeAddress();
    // Before the panel's chunk: its workers load alongside it (registry.ts). A failure here is
    // not the panel's: the view's own hooks start the worker again and report what goes wrong.
    entry.startWorkers?.().catch(() => undefined);
    entry
      .load()
      .then((m) => live && setMod({ slug: entry.slug, m: m.default }))
      .catch((e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [entry]);

  if (!entry.load) {
    return (
      <main id="main" className="narrow">
        <p className="q-eyebrow">Question {entry.number}</p>
        <h1>{entry.title}</h1>
        <p>{entry.summary}</p>
        <p className="msg msg-info">This panel is coming soon. <Link href="/">See the questions that are ready</Link>.</p>
      </main>
    );
  }
  if (failed) {
    return (
      <main id="main" className="narrow">
        <h1>{entry.title}</h1>
        <p className="msg msg-error" role="alert">The panel could not be loaded ({failed}). Check your connection and reload.</p>
      </main>
    );
  }
  if (!mod || mod.slug !== entry.slug) {
    return (
      <main id="main" className="narrow" aria-busy="true">
        <p className="q-eyebrow">Question {entry.number}</p>
        <h1>{entry.title}</h1>
        <p className="loading">Loading the panel…</p>
      </main>
    );
  }
  return <PanelFrame key={entry.slug} entry={entry} panel={mod.m} />;
}
