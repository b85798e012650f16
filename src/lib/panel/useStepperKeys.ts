/**
 * Stepper keyboard shortcuts, anywhere on the page except while typing in a field: Space plays
 * or pauses, → and ← step, Home rewinds. Shared by every stepper so the keys mean the same in
 * every panel.
 */
import { useEffect } from 'react';
import type { StepKeys } from './usePlayer';

function typingIn(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || el.isContentEditable;
}

export function useStepperKeys(player: StepKeys): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || typingIn(e.target)) return;
      const onButton = e.target instanceof HTMLButtonElement;
      if (e.key === ' ' && !onButton) {
        e.preventDefault();
        player.toggle();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        player.stepBy(1);
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        player.stepBy(-1);
      } else if (e.key === 'Home') {
        e.preventDefault();
        player.rewind();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [player]);
}
