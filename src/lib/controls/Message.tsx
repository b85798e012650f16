import type { ReactNode } from 'react';

/** A clear in-panel message for degenerate or diverging settings (never a NaN plot). */
export function Message({ kind = 'warn', children, testId = 'panel-message' }: { kind?: 'warn' | 'info' | 'error'; children: ReactNode; testId?: string }) {
  return (
    <p className={`msg msg-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </p>
  );
}
