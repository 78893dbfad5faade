// A case screen's field saves, sent one at a time through the pending-saves queue (pending-saves.ts):
// a save the branch database could not take is kept on screen and sent again by itself (after a
// growing pause, or as soon as the back end sends an event) or when the officer asks.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../shared/api/result';
import type { FieldValue } from '../shared/domain/documents';
import { useApi, useEvents } from './api-context';
import { drop, fieldId, keep, keepMine, retryDelay, sending, settle, waiting, type Outcome, type Pending } from './pending-saves';

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
  /** The last try found the branch database unreachable. */
  offline: boolean;
  /** Values saved by trying again since the connection came back (for the status line). */
  recovered: number;
}

export function usePendingSaves(caseId: number): PendingSaves {
  const api = useApi();
  const queries = useQueryClient();
  const ref = useRef<Pending>(new Map());
  const [pending, setPending] = useState<Pending>(ref.current);
  const update = useCallback((next: Pending): void => {
    ref.current = next;
    setPending(next);
  }, []);
  const [offline, setOffline] = useState(false);
  const [recovered, setRecovered] = useState(0);
  const failures = useRef(0);
  const [tries, setTries] = useState(0);
  // One save on its way at a time, so a later value for a field is sent against the one stored before it.
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const flushing = useRef(false);

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
        return outcome;
      });
      chain.current = run.catch(() => undefined);
      return run;
    },
    [api, update],
  );

  const unreachable = useCallback((): void => {
    failures.current++;
    setOffline(true);
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
      if (outcome.error.code === 'database_unreachable') {
        unreachable();
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

  /** Sends every waiting save in turn; stops at the first that finds the database still unreachable. */
  const flush = useCallback(async (): Promise<void> => {
    if (flushing.current) return;
    flushing.current = true;
    let saved = 0;
    try {
      for (const p of waiting(ref.current)) {
        const outcome = await sendOne(fieldId(p.documentId, p.key));
        if (!outcome) continue;
        if (!outcome.saved && outcome.error.code === 'database_unreachable') return unreachable();
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

  // Cut off: try again after a pause that grows with each failed try.
  const hasWaiting = waiting(pending).length > 0;
  useEffect(() => {
    if (!offline || !hasWaiting) return;
    const timer = window.setTimeout(() => void flush(), retryDelay(failures.current - 1));
    return () => window.clearTimeout(timer);
  }, [offline, hasWaiting, tries, flush]);
  // An event from the back end means it reaches the store again (other desks' changes arrive through it).
  useEvents(() => {
    if (offline && hasWaiting) void flush();
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

  return { pending, save, retryNow, keepMine: resolveMine, discard, offline, recovered };
}
