/**
 * For tests of work that waits between slices (the step ahead in a panel's worker): `gate()` is a
 * wait the test opens by hand, `open(k)` letting k waits through, so a test decides exactly when
 * a request arrives relative to the prepared work. `settle()` lets pending promise callbacks run.
 */
export function gate() {
  let allow = 0;
  const waiting: (() => void)[] = [];
  return {
    wait: () =>
      new Promise<void>((resolve) => {
        if (allow > 0) {
          allow--;
          resolve();
        } else waiting.push(resolve);
      }),
    open(k: number) {
      allow += k;
      while (allow > 0 && waiting.length) {
        allow--;
        waiting.shift()!();
      }
    },
  };
}

export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A hand-driven scheduler for a step ahead (lib/worker/stepAhead.ts): its `nextTask` and `idle`
 * waits return promises the test releases, `tick(k)` letting k waiting slices run and `wake()`
 * ending the idle waits; `waiting()` counts the slices waiting for a task.
 */
export function manual() {
  const tasks: (() => void)[] = [], idles: (() => void)[] = [];
  const flush = async () => {
    for (let i = 0; i < 6; i++) await Promise.resolve();
  };
  return {
    nextTask: () => new Promise<void>((r) => tasks.push(r)),
    idle: () => new Promise<void>((r) => idles.push(r)),
    async tick(k = 1) {
      for (let i = 0; i < k; i++) {
        tasks.shift()?.();
        await flush();
      }
    },
    async wake() {
      idles.splice(0).forEach((r) => r());
      await flush();
    },
    waiting: () => tasks.length,
  };
}
