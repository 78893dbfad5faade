// A case screen's field saves, sent one at a time through the pending-saves queue (pending-saves.ts):
// a save the branch database could not take (cut off, or kept busy by other desks) is kept on screen and
// sent again by itself (after a growing pause, or as soon as the back end sends an event) or when the
// officer asks. What is held is kept in the tab's session storage as well, so reloading the window (after
// the browser's own "leave this page?") loses nothing either; leaving the case or signing out, which ask
// first, lets it go.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../shared/api/result';
import type { FieldValue } from '../shared/domain/documents';
import { useApi, useEvents } from './api-context';
import { drop, fieldId, fromKept, isPassing, keep, keepMine, retryDelay, sending, settle, toKept, waiting, type Outcome, type Pending } from './pending-saves';

export interface PendingSaves {
  pending: Pending;
  /** Saves a field: answers `saved`, `kept` (not stored yet, shown as such and sent again), or the
   * refusal to show beside the field (a value that does not fit it, say). */
  save: (documentId: number, key: string, value: FieldValue | null, expected: FieldValue | null) => Promise<'saved' | 'kept' | ApiError>;
  /** Sends everything not saved now (the officer's "Save again"). */
  retryNow: () => void;
  /** After a conflict: the officer's value over `current`, the one another desk saved. */
  keepMine: (id: string, current: FieldValue | null) => void;
  /** The officer gives up a value not saved. */
  discard: (id: string) => void;
  /** Calls `listener` for every value stored from now on, at once or by a later try (for the undo list);
   * answers the unsubscribe. */
  onStored: (listener: (documentId: number, key: string) => void) => () => void;
  /** What the last try found, when it could not store anything: the branch database unreachable, or
   * busy with other desks' work for longer than a call waits; false when the last try got through. */
  offline: false | 'unreachable' | 'busy';
  /** Values saved by trying again since the database took them again (for the status line). */
  recovered: number;
  /** What held those values back: the connection, or other desks' work. */
  recoveredFrom: 'unreachable' | 'busy';
}

/** Where a tab keeps one person's values not stored on one case, over a reload. */
export const keptKey = (userId: number, caseId: number): string => `claimdesk.unsaved.${userId}.${caseId}`;

export function usePendingSaves(caseId: number, userId: number): PendingSaves {
  const api = useApi();
  const queries = useQueryClient();
  const storageKey = keptKey(userId, caseId);
  // The screen is keyed by its case (App.tsx), so what a reload kept is read once, as it opens.
  const [kept] = useState(() => fromKept(window.sessionStorage.getItem(storageKey)));
  const ref = useRef<Pending>(kept);
  const [pending, setPending] = useState<Pending>(kept);
  const update = useCallback((next: Pending): void => {
    ref.current = next;
    setPending(next);
  }, []);
  const [offline, setOffline] = useState<PendingSaves['offline']>(false);
  const [recovered, setRecovered] = useState(0);
  const [recoveredFrom, setRecoveredFrom] = useState<PendingSaves['recoveredFrom']>('unreachable');
  const failures = useRef(0);
  const [tries, setTries] = useState(0);
  // One save on its way at a time, so a later value for a field is sent against the one stored before it.
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const flushing = useRef(false);
  const storedListeners = useRef(new Set<(documentId: number, key: string) => void>());

  const refresh = useCallback((): void => {
    void queries.invalidateQueries({ queryKey: ['extraction.list', { caseId }] });
    void queries.invalidateQueries({ queryKey: ['cases.get', { id: caseId }] });
    void queries.invalidateQueries({ queryKey: ['checks.get', { caseId }] });
  }, [caseId, queries]);

  const sendOne = useCallback(
    (id: string): Promise<Outcome | undefined> => {
      const run = chain.current.then(async () => {
        const picked = sending(ref.current, id);
        if (!picked) return undefined;
        update(picked.pending);
        const { save } = picked;
        const res = await api.call('extraction.setField', {
          documentId: save.documentId,
          key: save.key,
          value: save.value,
          expected: { value: save.expected },
        });
        const outcome: Outcome = res.ok ? { saved: true } : { saved: false, error: res.error };
        update(settle(ref.current, id, save.value, outcome));
        if (outcome.saved) for (const listener of storedListeners.current) listener(save.documentId, save.key);
        return outcome;
      });
      chain.current = run.catch(() => undefined);
      return run;
    },
    [api, update],
  );

  const unreachable = useCallback((error: ApiError): void => {
    failures.current++;
    const cause = error.code === 'database_busy' ? 'busy' : 'unreachable';
    setOffline(cause);
    setRecoveredFrom(cause);
    setRecovered(0);
    setTries((n) => n + 1);
  }, []);

  const save = useCallback<PendingSaves['save']>(
    async (documentId, key, value, expected) => {
      const id = fieldId(documentId, key);
      update(keep(ref.current, { documentId, key, value, expected }));
      const outcome = await sendOne(id);
      if (!outcome) return 'kept';
      if (outcome.saved) {
        failures.current = 0;
        setOffline(false);
        refresh();
        return ref.current.has(id) ? 'kept' : 'saved';
      }
      if (isPassing(outcome.error)) {
        unreachable(outcome.error);
        return 'kept';
      }
      if (ref.current.get(id)?.state === 'refused') {
        // Refused outright (a value that does not fit): said beside the field, the draft stays as typed.
        update(drop(ref.current, id));
        return outcome.error;
      }
      // Another desk saved another value meanwhile: shown beside the officer's, who chooses.
      refresh();
      return 'kept';
    },
    [refresh, sendOne, unreachable, update],
  );

  /** Sends every waiting save in turn; stops at the first that finds the database still unreachable (or busy). */
  const flush = useCallback(async (): Promise<void> => {
    if (flushing.current) return;
    flushing.current = true;
    let saved = 0;
    try {
      for (const p of waiting(ref.current)) {
        const outcome = await sendOne(fieldId(p.documentId, p.key));
        if (!outcome) continue;
        if (!outcome.saved && isPassing(outcome.error)) return unreachable(outcome.error);
        if (outcome.saved) saved++;
      }
      failures.current = 0;
      setOffline(false);
      if (saved) setRecovered((n) => n + saved);
      refresh();
      // What the screen could not load while cut off (a page, the flags) is asked for again.
      void queries.invalidateQueries({ predicate: (q) => q.state.status === 'error' });
    } finally {
      flushing.current = false;
    }
  }, [queries, refresh, sendOne, unreachable]);

  // Cut off (or kept waiting): try again after a pause that grows with each failed try.
  const hasWaiting = waiting(pending).length > 0;
  useEffect(() => {
    if (!offline || !hasWaiting) return;
    const timer = window.setTimeout(() => void flush(), retryDelay(failures.current - 1));
    return () => window.clearTimeout(timer);
  }, [offline, hasWaiting, tries, flush]);
  // An event from the back end means it reaches the store again (other desks' changes arrive through it).
  // Not while the store is busy: other desks' events then mean only that they are still writing.
  useEvents(() => {
    if (offline === 'unreachable' && hasWaiting) void flush();
  });

  const retryNow = useCallback((): void => {
    failures.current = 0;
    void flush();
  }, [flush]);
  const resolveMine = useCallback(
    (id: string, current: FieldValue | null): void => {
      update(keepMine(ref.current, id, current));
      void flush();
    },
    [flush, update],
  );
  const discard = useCallback((id: string): void => update(drop(ref.current, id)), [update]);
  const onStored = useCallback<PendingSaves['onStored']>((listener) => {
    storedListeners.current.add(listener);
    return () => void storedListeners.current.delete(listener);
  }, []);

  // Kept over a reload while held; let go when the screen closes (the officer was asked before leaving).
  useEffect(() => {
    const text = toKept(pending);
    if (text) window.sessionStorage.setItem(storageKey, text);
    else window.sessionStorage.removeItem(storageKey);
  }, [pending, storageKey]);
  useEffect(() => () => window.sessionStorage.removeItem(storageKey), [storageKey]);
  // What a reload kept is sent again as the screen opens (against where each value started, as ever).
  const resent = useRef(false);
  useEffect(() => {
    if (resent.current) return;
    resent.current = true;
    if (waiting(kept).length) void flush();
  }, [flush, kept]);

  return { pending, save, retryNow, keepMine: resolveMine, discard, onStored, offline, recovered, recoveredFrom };
}
