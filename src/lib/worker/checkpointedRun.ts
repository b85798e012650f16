/**
 * A training run kept at the step a link asks for (issue 8's stateful runs, in a panel's worker):
 * it trains forward toward a target within a time budget, keeps a checkpoint every few steps so a
 * step back restores the nearest one and trains forward again (bit for bit the same, as the
 * trainer is deterministic per step), and records an evaluation every few steps for the learning
 * curve. The trainer is anything with a step, a training step and copyable state: the tfjs
 * trainers of attention, cnn and embeddings (their Adam state from lib/tf/adam). Plain TypeScript.
 */
export interface Trainable<S extends { step: number }> {
  readonly step: number;
  trainStep(): void;
  snapshot(): S;
  restore(s: S): void;
  dispose(): void;
}

export interface RunSchedule {
  /** Steps between checkpoints (step 0 is always one). */
  checkpointEvery: number;
  /** Steps between recorded evaluations (step 0 is always one). */
  evaluateEvery: number;
}

export class CheckpointedRun<S extends { step: number }, E extends object> {
  private checkpoints: S[] = [];
  private evals: (E & { step: number })[] = [];

  /** `onStep(ms)` hears how long each training step took (for a measured speed). */
  constructor(
    private readonly trainer: Trainable<S>,
    private readonly schedule: RunSchedule,
    private readonly evaluate: () => E,
    private readonly onStep?: (ms: number) => void,
  ) {
    this.record();
  }

  get step(): number {
    return this.trainer.step;
  }

  private record(): void {
    const s = this.trainer.step;
    if (s % this.schedule.checkpointEvery === 0 && !this.checkpoints.some((c) => c.step === s)) this.checkpoints.push(this.trainer.snapshot());
    if (s % this.schedule.evaluateEvery === 0 && !this.evals.some((h) => h.step === s)) this.evals.push({ step: s, ...this.evaluate() });
  }

  /** Moves back to the last checkpoint at or before `target` (no-op when already at or before it). */
  rewindTo(target: number): void {
    if (target >= this.trainer.step) return;
    let best = this.checkpoints[0];
    for (const c of this.checkpoints) if (c.step <= target && c.step > best.step) best = c;
    this.trainer.restore(best);
    this.evals = this.evals.filter((h) => h.step <= best.step);
  }

  /** Trains toward `target` until it is reached or `budgetMs` is spent; true when there. */
  advance(target: number, budgetMs = Infinity, now: () => number = () => performance.now()): boolean {
    this.rewindTo(target);
    const t0 = now();
    while (this.trainer.step < target) {
      const s0 = this.onStep ? performance.now() : 0;
      this.trainer.trainStep();
      if (this.onStep) this.onStep(performance.now() - s0);
      this.record();
      if (now() - t0 >= budgetMs) break;
    }
    return this.trainer.step === target;
  }

  /** The recorded evaluations up to the current step, in step order. */
  history(): (E & { step: number })[] {
    return this.evals.filter((h) => h.step <= this.trainer.step).sort((a, b) => a.step - b.step);
  }

  dispose(): void {
    this.trainer.dispose();
    this.checkpoints = [];
    this.evals = [];
  }
}
