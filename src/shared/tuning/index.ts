// Every tuned number of OCR and extraction, in one place, each with what it was measured on. A number
// here is a judgement about documents; where it was chosen by measuring, `measuredOn` names the set and
// the command (the dev set is ../shared/devset, made outside this project; `bench extract` is the
// project's own generator). Code reads the plain values; `TUNING` lists them with their provenance
// (checked by tests/unit/tuning.test.ts). OCR's numbers (ocr.ts) are kept apart from extraction's
// (extraction.ts) so that the benchmarks' OCR cache is kept when only extraction changes.

export { DEVSET, TUNING, section, type Setting } from './setting';
export * from './ocr';
export * from './extraction';
