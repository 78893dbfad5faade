// The synthetic document generator: demo data, test fixtures and benchmarks all draw from here.
export { generateDossier, type Dossier, type DossierOptions, type GeneratedFile } from './dossier';
export { renderSpec, randomStyle, onA4, type OfficeStyle, type FieldLayout } from './render';
export { degrade, type Degradation, type DegradedImage } from './degrade';
export * as documents from './documents';
export type { DocSpec, DocTruth, FileTruth, Block } from './spec';

import type { Rng } from './random';
import type { DocSpec } from './spec';
import { randomStyle, renderSpec, type OfficeStyle } from './render';

/** Render one document (any contract type, built with `documents.*`) to PNG pages in an office style. */
export async function renderDocument(spec: DocSpec, rng: Rng, style: OfficeStyle = randomStyle(rng)): Promise<Buffer[]> {
  return renderSpec(spec, style);
}
