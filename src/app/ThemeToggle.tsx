import { useEffect, useState } from 'react';
import { applyTheme, readChoice, type ThemeChoice } from './theme';

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<ThemeChoice, string> = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' };

export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>(readChoice);
  useEffect(() => {
    applyTheme(choice);
    if (choice !== 'system') return;
    const mq = window.matchMedia?.('(prefers-color-scheme: dark)');
    const on = () => applyTheme('system');
    mq?.addEventListener('change', on);
    return () => mq?.removeEventListener('change', on);
  }, [choice]);
  return (
    <button type="button" className="theme-toggle" onClick={() => setChoice(NEXT[choice])} data-testid="theme-toggle" aria-label={`${LABEL[choice]} (click to change)`}>
      {choice === 'dark' ? '☾' : choice === 'light' ? '☀' : '◐'} <span className="theme-label">{LABEL[choice].replace('Theme: ', '')}</span>
    </button>
  );
}
