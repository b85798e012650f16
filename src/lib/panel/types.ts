/** What a panel module hands the app. The app sees panels only through the registry. */
import type { ComponentType } from 'react';
import type { Params, Schema } from '../params/schema';
import type { PanelStore } from '../params/store';

export interface Experiment<S extends Schema = Schema> {
  /** Short imperative title, e.g. "Push the degree past the data". */
  title: string;
  /** The state to apply; unspecified params take their defaults. */
  params: Partial<Params<S>>;
  /** One sentence: what to notice. */
  notice: string;
}

/** Where a panel's tfjs runs: nowhere (false), on the page (true) or only in its worker. */
export type TfUse = boolean | 'worker';

export interface PanelModule<S extends Schema = Schema> {
  store: PanelStore<S>;
  experiments: Experiment<S>[];
  /** The explanation column: a few short paragraphs and typeset formulas. */
  Explanation: ComponentType;
  /** Controls, plots and the readout (data-testid="readout"). */
  View: ComponentType;
  /**
   * Whether the panel runs tfjs, and where ('worker': only in its worker), for all params or as
   * a function of them (bias-variance only on its float32 solver). It drives the backend badge in the panel layout, the frame's
   * data-uses-tf attribute that the e2e tensor checks read, and nothing loads tfjs otherwise.
   */
  usesTf: TfUse | ((params: Params<S>) => TfUse);
}

/** Helper that keeps the schema type of a panel module. */
export function definePanel<S extends Schema>(m: PanelModule<S>): PanelModule<S> {
  return m;
}
