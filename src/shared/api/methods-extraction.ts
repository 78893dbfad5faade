// Classification and field extraction (issue 4).
import { defineMethods } from './define';

export const extractionMethods = defineMethods({});
