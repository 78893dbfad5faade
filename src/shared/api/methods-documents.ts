// Intake, OCR and page images (issue 3).
import { defineMethods } from './define';

export const documentsMethods = defineMethods({});
