// The queue of field values a desk could not store: nothing the officer saved is dropped while the
// database cannot be reached, a later value never loses where the change started (so it cannot overwrite
// another desk's), and a conflict is left to the officer.
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../src/shared/api/result';
import { drop, fieldId, fromKept, keep, keepMine, retryDelay, sending, settle, toKept, unsaved, waiting, type Pending } from '../../src/renderer/pending-saves';

const unreachable: ApiError = { code: 'database_unreachable', message: 'cut' };
const busy: ApiError = { code: 'database_busy', message: 'held by other desks' };
const changedElsewhere: ApiError = { code: 'conflict', message: 'x', params: { key: 'nama', reason: 'changed_elsewhere' } };
const invalid: ApiError = { code: 'invalid_input', message: 'x', params: { key: 'nik', problem: 'nik_length' } };
const id = fieldId(7, 'nama');
const empty: Pending = new Map();

/** Sends the field's waiting save and answers it with `outcome`, as the screen's queue does. */
function answer(p: Pending, outcome: { saved: true } | { saved: false; error: ApiError }): Pending {
  const s = sending(p, id);
  if (!s) throw new Error('nothing waiting');
  return settle(s.pending, id, s.save.value, outcome);
}

describe('pending field saves', () => {
  it('keeps a value the database could not take, waiting, until a later try stores it', () => {
    let p = keep(empty, { documentId: 7, key: 'nama', value: 'SITI AMINAH', expected: 'SITI AMINA' });
    p = answer(p, { saved: false, error: unreachable });
    expect(p.get(id)).toMatchObject({ value: 'SITI AMINAH', expected: 'SITI AMINA', state: 'waiting' });
    expect(waiting(p)).toHaveLength(1);
    expect(unsaved(p)).toBe(1);
    p = answer(p, { saved: false, error: unreachable });
    expect(p.get(id)?.state).toBe('waiting');
    p = answer(p, { saved: true });
    expect(p.size).toBe(0);
  });

  it('keeps a value the database was too busy to take, as when cut off, with the reason for its field', () => {
    let p = keep(empty, { documentId: 7, key: 'nama', value: 'SITI AMINAH', expected: 'SITI AMINA' });
    p = answer(p, { saved: false, error: busy });
    expect(p.get(id)).toMatchObject({ value: 'SITI AMINAH', expected: 'SITI AMINA', state: 'waiting', error: busy });
    // A newer value typed meanwhile waits on the same grounds, from the same starting point.
    p = keep(p, { documentId: 7, key: 'nama', value: 'SITI AMINAH BINTI ALI', expected: 'SITI AMINAH' });
    expect(p.get(id)).toMatchObject({ expected: 'SITI AMINA', state: 'waiting', error: busy });
    p = answer(p, { saved: false, error: unreachable });
    expect(p.get(id)).toMatchObject({ state: 'waiting', error: unreachable });
    p = answer(p, { saved: true });
    expect(p.size).toBe(0);
  });

  it('sends a value only once at a time', () => {
    const p = keep(empty, { documentId: 7, key: 'nama', value: 'A', expected: null });
    const first = sending(p, id)!;
    expect(first.save.state).toBe('saving');
    expect(sending(first.pending, id)).toBeUndefined();
    expect(waiting(first.pending)).toEqual([]);
  });

  it('a second value for a field still waiting replaces it but starts where the first did', () => {
    let p = keep(empty, { documentId: 7, key: 'nama', value: 'A', expected: 'OCR' });
    p = answer(p, { saved: false, error: unreachable });
    // The screen passes the stored value it shows, which may be another desk's by now: not used.
    p = keep(p, { documentId: 7, key: 'nama', value: 'B', expected: 'THEIRS' });
    expect(p.get(id)).toMatchObject({ value: 'B', expected: 'OCR', state: 'waiting' });
    expect(p.size).toBe(1);
  });

  it('a value typed while the previous one was on its way is sent next, against the one just stored', () => {
    let p = keep(empty, { documentId: 7, key: 'nama', value: 'A', expected: 'OCR' });
    const s = sending(p, id)!;
    p = keep(s.pending, { documentId: 7, key: 'nama', value: 'B', expected: 'OCR' });
    p = settle(p, id, 'A', { saved: true });
    expect(p.get(id)).toMatchObject({ value: 'B', expected: 'A', state: 'waiting' });
    // Had the first not arrived, the second still starts where both began.
    let q = keep(empty, { documentId: 7, key: 'nama', value: 'A', expected: 'OCR' });
    const t = sending(q, id)!;
    q = keep(t.pending, { documentId: 7, key: 'nama', value: 'B', expected: 'OCR' });
    q = settle(q, id, 'A', { saved: false, error: unreachable });
    expect(q.get(id)).toMatchObject({ value: 'B', expected: 'OCR', state: 'waiting' });
  });

  it('stops at a conflict: the value stays, no longer sent, until the officer chooses', () => {
    let p = keep(empty, { documentId: 7, key: 'nama', value: 'MINE', expected: 'OCR' });
    p = answer(p, { saved: false, error: changedElsewhere });
    expect(p.get(id)).toMatchObject({ value: 'MINE', state: 'conflict' });
    expect(waiting(p)).toEqual([]);
    expect(unsaved(p)).toBe(1);
    // Keeping mine sends it again, against the value the other desk saved (seen by the officer).
    const mine = keepMine(p, id, 'THEIRS');
    expect(mine.get(id)).toMatchObject({ value: 'MINE', expected: 'THEIRS', state: 'waiting' });
    // Taking theirs drops mine.
    expect(drop(p, id).size).toBe(0);
    // A new value typed after the conflict starts from the stored one the officer now sees.
    expect(keep(p, { documentId: 7, key: 'nama', value: 'NEW', expected: 'THEIRS' }).get(id)).toMatchObject({ expected: 'THEIRS', state: 'waiting' });
  });

  it('a plain conflict that is not about the field (another reason) counts as a refusal, with its error', () => {
    let p = keep(empty, { documentId: 7, key: 'nama', value: 'X', expected: null });
    p = answer(p, { saved: false, error: invalid });
    expect(p.get(id)).toMatchObject({ state: 'refused', error: invalid });
    const locked: ApiError = { code: 'conflict', message: 'locked', params: { reason: 'case_locked' } };
    let q = keep(empty, { documentId: 7, key: 'nama', value: 'X', expected: null });
    q = answer(q, { saved: false, error: locked });
    expect(q.get(id)?.state).toBe('refused');
  });

  it('leaves other fields alone and forgets nothing it was not asked to', () => {
    let p = keep(empty, { documentId: 7, key: 'nama', value: 'A', expected: null });
    p = keep(p, { documentId: 8, key: 'nik', value: '3171', expected: null });
    expect(settle(p, fieldId(9, 'x'), 'A', { saved: true })).toBe(p);
    p = answer(p, { saved: true });
    expect([...p.keys()]).toEqual([fieldId(8, 'nik')]);
  });

  it('waits longer after each failed try, 2 s doubling up to 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 50].map(retryDelay)).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(retryDelay(-1)).toBe(2_000);
  });

  it('keeps over a reload every value not stored, where it started, and sends again one that was on its way', () => {
    let p = keep(empty, { documentId: 7, key: 'nama', value: 'SITI AMINAH', expected: 'SITI AMINA' });
    p = keep(p, { documentId: 7, key: 'anak', value: [{ nama: 'ADI', nik: '1571010101100001' }], expected: null }, 'conflict');
    p = keep(p, { documentId: 8, key: 'nik', value: '123', expected: null });
    p = answer(p, { saved: false, error: busy });
    p = sending(p, fieldId(8, 'nik'))!.pending;
    const back = fromKept(toKept(p));
    expect([...back.keys()]).toEqual([id, fieldId(7, 'anak'), fieldId(8, 'nik')]);
    expect(back.get(id)).toEqual({ documentId: 7, key: 'nama', value: 'SITI AMINAH', expected: 'SITI AMINA', state: 'waiting' });
    expect(back.get(fieldId(7, 'anak'))).toMatchObject({ value: [{ nama: 'ADI', nik: '1571010101100001' }], state: 'conflict' });
    expect(back.get(fieldId(8, 'nik'))?.state).toBe('waiting');
    expect(waiting(back)).toHaveLength(2);
  });

  it('keeps nothing when nothing is held or only a refusal is, and reads nothing from text it did not write', () => {
    expect(toKept(empty)).toBeNull();
    let p = keep(empty, { documentId: 7, key: 'nama', value: 'X', expected: null });
    p = answer(p, { saved: false, error: invalid });
    expect(p.get(id)?.state).toBe('refused');
    expect(toKept(p)).toBeNull();
    for (const text of [
      null,
      '',
      '{',
      '{}',
      '[{"documentId":"7","key":"nama","value":"X","expected":null,"state":"waiting"}]',
      '[{"documentId":7,"key":"nama","value":"X","expected":null,"state":"sent"}]',
    ]) {
      expect(fromKept(text).size).toBe(0);
    }
  });
});
