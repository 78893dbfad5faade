// Policy: a field value the officer saved is never dropped or silently replaced because the branch
// database could not be reached, or was kept busy by other desks for longer than a call waits. It is kept here, shown as not saved, and sent again until it is stored,
// always against the value it started from, so it never overwrites what another desk saved meanwhile.
// Pure data: the screen (use-pending-saves.ts) holds it, sends it and decides when to try again.
import { z } from 'zod';
import type { ApiError } from '../shared/api/result';
import { fieldValueSchema, type FieldValue } from '../shared/domain/documents';

export interface PendingSave {
  documentId: number;
  key: string;
  /** What the officer saved (typed, corrected or confirmed). */
  value: FieldValue | null;
  /** The stored value the change started from; the back end refuses the save if the field holds another. */
  expected: FieldValue | null;
  /** waiting: not saved yet, tried again by itself; saving: on its way; conflict: another desk saved
   * another value meanwhile (the officer chooses); refused: the back end will not take it. */
  state: 'waiting' | 'saving' | 'conflict' | 'refused';
  /** Why it is not stored: the refusal, or (waiting) what stopped the last try. */
  error?: ApiError;
}

export type Pending = ReadonlyMap<string, PendingSave>;

export const fieldId = (documentId: number, key: string): string => `${documentId}:${key}`;

const sameValue = (a: FieldValue | null, b: FieldValue | null): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A save that could not reach the database: kept to send again. A newer value for a field already
 * waiting replaces the value but keeps what it started from (the older value was never stored). */
export function keep(
  pending: Pending,
  save: Pick<PendingSave, 'documentId' | 'key' | 'value' | 'expected'>,
  state: 'waiting' | 'conflict' = 'waiting',
): Pending {
  const id = fieldId(save.documentId, save.key);
  const before = pending.get(id);
  const next = new Map(pending);
  // A value still waiting (or on its way) was never shown as stored: the new one starts where it did. After
  // a conflict or a refusal the officer has seen the stored value, and the new one starts from it.
  const carried = before && state === 'waiting' && (before.state === 'waiting' || before.state === 'saving');
  next.set(id, {
    documentId: save.documentId,
    key: save.key,
    value: save.value,
    expected: carried ? before.expected : save.expected,
    state,
    ...(carried && before.error ? { error: before.error } : {}),
  });
  return next;
}

/** Marks a field's save as on its way; `undefined` when there is nothing waiting for it. */
export function sending(pending: Pending, id: string): { pending: Pending; save: PendingSave } | undefined {
  const save = pending.get(id);
  if (!save || save.state !== 'waiting') return undefined;
  const next = new Map(pending);
  const on: PendingSave = { ...save, state: 'saving' };
  next.set(id, on);
  return { pending: next, save: on };
}

export type Outcome = { saved: true } | { saved: false; error: ApiError };

/** What a save came back with. `sent` is the value that was sent: if the officer changed the field again
 * meanwhile, the newer value stays waiting (its starting point is now what was just stored). */
export function settle(pending: Pending, id: string, sent: FieldValue | null, outcome: Outcome): Pending {
  const save = pending.get(id);
  if (!save) return pending;
  const next = new Map(pending);
  const changedSince = !sameValue(save.value, sent);
  if (outcome.saved) {
    if (changedSince) next.set(id, { ...save, expected: sent, state: 'waiting' });
    else next.delete(id);
    return next;
  }
  if (isPassing(outcome.error)) {
    next.set(id, { ...save, state: 'waiting', error: outcome.error });
  } else if (changedSince) {
    next.set(id, { ...save, state: 'waiting' });
  } else if (isConflict(outcome.error)) {
    next.set(id, { ...save, state: 'conflict' });
  } else {
    next.set(id, { ...save, state: 'refused', error: outcome.error });
  }
  return next;
}

/** A refusal that passes by itself, with nothing changed: the database cannot be reached, or other desks
 * held it longer than a call waits. The value is sent again; any other refusal is the officer's to see. */
export const isPassing = (error: ApiError): boolean => error.code === 'database_unreachable' || error.code === 'database_busy';

/** The refusal a save gets when another desk saved another value for the field meanwhile. */
export const isConflict = (error: ApiError): boolean => error.code === 'conflict' && error.params?.reason === 'changed_elsewhere';

/** The officer keeps their value over the one another desk saved (`current`): sent again against it. */
export function keepMine(pending: Pending, id: string, current: FieldValue | null): Pending {
  const save = pending.get(id);
  if (!save) return pending;
  return new Map(pending).set(id, { documentId: save.documentId, key: save.key, value: save.value, expected: current, state: 'waiting' });
}

/** The officer drops a value not saved (takes the stored one, or presses Escape). */
export function drop(pending: Pending, id: string): Pending {
  if (!pending.has(id)) return pending;
  const next = new Map(pending);
  next.delete(id);
  return next;
}

/** The saves to send on the next try, in the order the officer made them. */
export const waiting = (pending: Pending): PendingSave[] => [...pending.values()].filter((p) => p.state === 'waiting');

/** Values on screen that are not stored (what leaving the case would lose). */
export const unsaved = (pending: Pending): number => pending.size;

/** How long to wait before the next try after `failures` tries in a row found the database unreachable (or busy):
 * 2 s, doubling, at most 30 s, so a desk cut off for long does not knock on the server's door constantly. */
export function retryDelay(failures: number): number {
  return Math.min(30_000, 2_000 * 2 ** Math.max(0, Math.min(failures, 10)));
}

/** A value not stored, as the tab keeps it over a reload: what the officer saved and where it started. */
const keptSchema = z.array(
  z.object({
    documentId: z.number().int().positive(),
    key: z.string().min(1),
    value: fieldValueSchema.nullable(),
    expected: fieldValueSchema.nullable(),
    state: z.enum(['waiting', 'conflict']),
  }),
);

/** What a reload must not lose, as text for the tab's session storage; null when nothing is held. A
 * value on its way is kept as waiting (the reload may cut it off); a refusal is not kept (it was shown,
 * and the field went back to its stored value). */
export function toKept(pending: Pending): string | null {
  const kept = [...pending.values()]
    .filter((p) => p.state !== 'refused')
    .map(({ documentId, key, value, expected, state }) => ({ documentId, key, value, expected, state: state === 'conflict' ? state : 'waiting' }));
  return kept.length ? JSON.stringify(kept) : null;
}

/** The values a tab kept over a reload, to show and send again. Text that is not what toKept wrote (edited
 * by hand, from another version) gives nothing: the officer was asked before the reload. */
export function fromKept(text: string | null): Pending {
  if (!text) return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return new Map();
  }
  const kept = keptSchema.safeParse(parsed);
  if (!kept.success) return new Map();
  return new Map(kept.data.map((p) => [fieldId(p.documentId, p.key), p] as const));
}
