// What an officer keys in is normalised the same way as OCR output, and refused when it does not fit
// the field (a NIK that is not a valid NIK, a date that does not exist), so saved data stays clean.
import type { DocumentType, FieldValue } from '../domain/documents';
import { listEntrySchema } from '../domain/documents';
import { fieldKind } from './specs';
import { buildField } from './values';

export type OfficerValueResult = { ok: true; value: FieldValue | null } | { ok: false; reason: string };

export function normalizeOfficerValue(type: DocumentType, key: string, value: FieldValue | null): OfficerValueResult {
  const kind = fieldKind(type, key);
  if (!kind) return { ok: false, reason: `"${key}" is not a field of ${type}` };
  if (value === null) return { ok: true, value: null };
  if (kind === 'list') {
    const parsed = listEntrySchema.array().safeParse(value);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: `${key} must be a list of entries` };
  }
  if (kind === 'programs') {
    const text = Array.isArray(value) ? value.join(' ') : String(value);
    const f = buildField({ kind, words: [{ text, confidence: 1, bbox: [0, 0, 0, 0] }], page: 1, labelDistance: 0, refYear: new Date().getUTCFullYear() });
    return f.value === null ? { ok: false, reason: `${key}: ${f.reason ?? 'unreadable'}` } : { ok: true, value: f.value };
  }
  if (typeof value !== 'string' && typeof value !== 'number') return { ok: false, reason: `${key} takes a single value` };
  const f = buildField({ kind, words: [{ text: String(value), confidence: 1, bbox: [0, 0, 0, 0] }], page: 1, labelDistance: 0, refYear: new Date().getUTCFullYear() });
  return f.value === null ? { ok: false, reason: `${key}: ${f.reason ?? 'unreadable'}` } : { ok: true, value: f.value };
}
