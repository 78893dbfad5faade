// Policy: work on screen that is not saved is not dropped without the person saying so. A screen holding
// such work registers a reason; leaving it (another screen, another case, signing out) asks first, and
// closing or reloading the window is held by the browser's own "leave this page?" question.
import { useEffect } from 'react';

const reasons = new Set<{ message: string }>();

/** True when nothing unsaved is held, or the person confirms leaving it behind. */
export function mayLeave(): boolean {
  const [first] = reasons;
  return !first || window.confirm(first.message);
}

/** Holds the window while `message` is set: the question asked before leaving. */
export function useLeaveGuard(message: string | null): void {
  useEffect(() => {
    if (!message) return;
    const reason = { message };
    reasons.add(reason);
    const onUnload = (e: BeforeUnloadEvent): void => {
      e.preventDefault();
      // Older engines show the question only when returnValue is set (the text itself is the browser's own).
      e.returnValue = message;
    };
    window.addEventListener('beforeunload', onUnload);
    return () => {
      reasons.delete(reason);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [message]);
}
