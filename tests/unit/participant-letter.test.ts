import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Flag } from '../../src/shared/domain/claims';
import { composeLetter, type LetterInput } from '../../src/shared/letters/participant-letter';
import { requirementTableSchema } from '../../src/shared/requirements/schema';

const requirements = requirementTableSchema.parse(JSON.parse(fs.readFileSync('resources/requirements/requirements.json', 'utf8')));
const base: LetterInput = {
  lang: 'id',
  reference: 'CD-2026-000042',
  claimType: 'JKM',
  addressee: 'SITI AMINAH',
  date: '2026-12-03',
  bringBy: '2026-12-17',
  checklist: [
    { type: 'kartu_peserta', required: true, present: true },
    { type: 'ktp', required: true, present: false },
  ],
  flags: [],
  requirements,
  branch: { name: 'Cabang Jambi', address: 'Jl. Contoh 1', phone: '0741-1', hours: '08.00–15.00' },
};
const flag = (rule: Flag['rule'], severity: Flag['severity'], evidence: Flag['evidence'] = {}): LetterInput['flags'][number] => ({ rule, severity, evidence });

describe('the participant letter', () => {
  it('tells the public what to correct in plain words, once per situation, and keeps the branch’s own checks to itself', () => {
    const letter = composeLetter({
      ...base,
      flags: [
        flag('identity.nik_mismatch', 'blocker', { document: { documentType: 'ktp' } }),
        flag('identity.nik_mismatch', 'blocker', { document: { documentType: 'ktp' } }),
        flag('fraud.shared_bank_account', 'blocker'),
        flag('claim.duplicate', 'warning'),
        flag('documents.low_quality', 'info', { document: { documentType: 'kk' } }),
      ],
    });
    expect(letter.corrections.map((c) => c.text)).toEqual(['NIK pada e-KTP berbeda dengan data kepesertaan. Bawa e-KTP dan Kartu Keluarga asli.']);
    expect(letter.lines.join('\n')).not.toMatch(/fraud|duplicate|rekening|ganda/i);
    expect(letter.received.map((r) => r.text)).toEqual(['kartu peserta']);
    expect(letter.lines).toContain('Kepada Yth. SITI AMINAH');
    expect(letter.lines).toContain('Mohon bawa dokumen di atas ke Cabang Jambi, Jl. Contoh 1 paling lambat 17-12-2026.');
  });

  it('names a missing item as the requirement table does, with the form to bring, and says when the branch details are not set', () => {
    const item = requirements.claimTypes.JKM!.items.find((i) => i.documentTypes.includes('akta_kematian'))!;
    const letter = composeLetter({
      ...base,
      lang: 'en',
      flags: [flag('documents.missing_required', 'blocker', { details: { item: item.id } })],
      branch: { name: '', address: '', phone: '', hours: '' },
    });
    expect(letter.missing.map((m) => m.text)).toEqual([
      `${item.label.en} (${{ original: 'original', original_surrendered: 'original, handed in', copy_original_shown: 'photocopy, showing the original', copy: 'photocopy' }[item.form]})`,
    ]);
    expect(letter.lines.join('\n')).toContain('(not yet set in Settings)');
    // The same input, the same letter.
    expect(
      composeLetter({
        ...base,
        lang: 'en',
        flags: [flag('documents.missing_required', 'blocker', { details: { item: item.id } })],
        branch: { name: '', address: '', phone: '', hours: '' },
      }).lines,
    ).toEqual(letter.lines);
  });
});
