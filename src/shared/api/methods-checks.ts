// Participant import, requirements and cross-checks (issue 5).
import { defineMethods } from './define';

export const checksMethods = defineMethods({});
