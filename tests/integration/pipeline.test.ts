// From intake to pre-filled fields with no one pressing a button: real files, real OCR, real SQLite.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackendContext } from '../../src/main/context';
import { insertParticipants } from '../../src/main/demo/seed';
import { listCaseDocuments } from '../../src/main/extraction/case-documents';
import { addFilesToCase } from '../../src/main/intake/intake';
import { startCaseOcr } from '../../src/main/ocr/case-ocr';
import { createCase } from '../../src/main/services/cases';
import { watchCasePipeline } from '../../src/main/services/pipeline';
import { generateDossier } from '../../tools/synth/index';
import { tempContext } from '../helpers/temp-home';

let ctx: BackendContext;
let cleanup: () => Promise<void>;
beforeEach(() => {
  const t = tempContext();
  ctx = t.ctx;
  cleanup = t.cleanup;
});
afterEach(async () => cleanup());

describe('case pipeline', () => {
  it('extracts the fields of a case as soon as its pages are read, and announces the change', async () => {
    const dossier = await generateDossier(77, { claimType: 'JHT', degradations: ['clean'], otherPages: false });
    insertParticipants(ctx, [dossier.participant]);
    const c = createCase(ctx, { claimType: 'JHT', kpj: dossier.participant.nomor_kpj, notes: '' });
    const card = dossier.files.find((f) => f.truth.documents.some((d) => d.type === 'kartu_peserta'))!;
    await addFilesToCase(ctx, c.id, [{ name: card.name, bytes: Buffer.from(card.bytes) }]);

    let ocrFinished = false;
    let announced = false;
    const extractedAfterOcr = new Promise<void>((resolve) => {
      const stop = watchCasePipeline(ctx, {
        debounceMs: 50,
        afterExtract: (_c, id) => {
          if (id !== c.id || !ocrFinished) return;
          // The announcement follows the extraction; check it on the next turn.
          const unsubscribe = ctx.events.subscribe((e) => {
            if (e.name === 'case.changed') announced = true;
          });
          setImmediate(() => {
            unsubscribe();
            stop();
            resolve();
          });
        },
      });
    });
    await startCaseOcr(ctx, c.id);
    ocrFinished = true;
    await extractedAfterOcr;
    expect(announced).toBe(true);

    const docs = listCaseDocuments(ctx, c.id);
    const kartu = docs.find((d) => d.type === 'kartu_peserta');
    expect(kartu, JSON.stringify(docs.map((d) => d.type))).toBeDefined();
    expect(kartu!.fields.nomor_kpj?.value).toBe(dossier.participant.nomor_kpj);
    expect(kartu!.fields.nomor_kpj?.bbox).not.toBeNull();
  });
});
