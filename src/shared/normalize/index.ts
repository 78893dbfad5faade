// Pure value normalisation for the contract's value forms (docs/contract.md §2).
export * from './digits';
export * from './fuzzy';
export * from './dates';
export * from './identifiers';
export * from './nik';
export * from './values';
