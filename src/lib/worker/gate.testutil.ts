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
