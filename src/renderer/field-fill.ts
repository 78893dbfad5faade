// Clicking a word on the page fills the field being edited: the focused field registers here how it
// takes a word, and the viewer hands clicked words to it.
import { createContext, useContext, useRef } from 'react';

/** Puts a word into the field: replacing what is there, or added after it. */
export type Fill = (text: string, add: boolean) => void;

export interface FieldFill {
  /** The focused field's filler, while it is focused. */
  current: Fill | null;
}

export const FieldFillContext = createContext<FieldFill | null>(null);

/** The case screen's one holder of the focused field's filler. */
export function useFieldFillHolder(): FieldFill {
  return useRef<Fill | null>(null) as FieldFill;
}

/** For a field: register `fill` while focused. Returns the focus and blur handlers to attach. */
export function useFillTarget(fill: Fill): { onFocus: () => void; onBlur: () => void } {
  const holder = useContext(FieldFillContext);
  const mine = useRef<Fill>(fill);
  mine.current = fill;
  const stable = useRef<Fill>((text, add) => mine.current(text, add));
  return {
    onFocus: () => {
      if (holder) holder.current = stable.current;
    },
    onBlur: () => {
      if (holder && holder.current === stable.current) holder.current = null;
    },
  };
}
