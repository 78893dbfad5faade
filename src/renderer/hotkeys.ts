// Keyboard shortcuts of a screen: a key combination, and what it does while the component is shown.
import { useEffect, useRef } from 'react';

/** Alt with a key (by its physical code, so it works on any keyboard layout), Shift as asked. */
export const alt =
  (code: string, shift = false) =>
  (e: KeyboardEvent): boolean =>
    e.altKey && !e.ctrlKey && !e.metaKey && e.shiftKey === shift && e.code === code;

/** Runs `run` on every key press `match` accepts, anywhere in the window, while `enabled`. */
export function useHotkey(match: (e: KeyboardEvent) => boolean, run: (e: KeyboardEvent) => void, enabled = true): void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent): void => {
      if (!match(e)) return;
      e.preventDefault();
      latest.current(e);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [match, enabled]);
}

/** The case screen's actions. */
export const NEEDS_ME = alt('KeyM');
/** F8, or Shift+F8 for the one before. */
export const NEXT_FLAG = (e: KeyboardEvent): boolean => e.key === 'F8' && !e.altKey && !e.ctrlKey && !e.metaKey;
export const NEXT_NEEDING = alt('KeyJ');
export const ADD_FILES = alt('KeyO');
export const CHECK_AGAIN = alt('KeyK');
export const EXTRACT_AGAIN = alt('KeyX');
export const TO_DECISION = alt('KeyS');
