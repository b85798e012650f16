/**
 * Stepper keyboard shortcuts, anywhere on the page except while typing in a field: Space plays
 * or pauses, → and ← step, Home rewinds. Shared by every stepper so the keys mean the same in
 * every panel. An element that uses these keys itself (a map whose arrows move a point) marks
 * itself, or an ancestor, with the attribute data-own-keys: keys pressed inside it are its own.
 */
import { useEffect } from 'react';
import type { StepKeys } from './usePlayer';

function typingIn(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || el.isContentEditable;
}

function ownsKeys(el: EventTarget | null): boolean {
  return el instanceof Element && el.closest('[data-own-keys]') !== null;
}

export function useStepperKeys(player: StepKeys): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || typingIn(e.target) || ownsKeys(e.target)) return;
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
