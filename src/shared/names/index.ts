export { matchNames, DEFAULT_NAME_MATCH, type NameDifference, type NameMatch, type NameMatchOptions } from './match';
export { normalizeName, indexKeys, type NameToken, type NormalizedName } from './normalize';
export { phoneticKey } from './phonetic';
