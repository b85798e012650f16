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

/**
 * Interview mode (issue 15): what to say when this question comes up, each claim the panel can
 * show linked to the state that shows it, and questions that make the learner predict first.
 */
export interface ShowMe<S extends Schema = Schema> {
  /** The words of the claim that become the link ("variance rises"). */
  text: string;
  params: Partial<Params<S>>;
}

/** A paragraph of the model answer: plain text and "show me" links, in order. */
export type AnswerParagraph<S extends Schema = Schema> = (string | ShowMe<S>)[];

export interface Check<S extends Schema = Schema> {
  /** Stable id, for the learner's progress (kept in their browser). */
  id: string;
  /** Asks for a prediction before the learner looks. */
  question: string;
  options: string[];
  /** Index of the right option. The panel's interview.test.ts computes the model at `state`
   *  and checks that this option is what it shows, so a model change cannot leave it wrong. */
  answer: number;
  /** The state that decides it: applied when the learner reveals the answer. */
  state: Partial<Params<S>>;
  /** Why, in a sentence or two; its numbers are checked like an experiment's. */
  why: string;
}

export interface FollowUp {
  question: string;
  answer: string;
  /** Another panel that shows it. */
  slug?: string;
}

export interface Interview<S extends Schema = Schema> {
  /** 120–250 words in all. */
  answer: AnswerParagraph<S>[];
  checks: Check<S>[];
  followUps: FollowUp[];
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
  /** The interview answer, checks and follow-ups (issue 15); rendered by the app's frame. */
  interview?: Interview<S>;
}

/** Helper that keeps the schema type of a panel module. */
export function definePanel<S extends Schema>(m: PanelModule<S>): PanelModule<S> {
  return m;
}
