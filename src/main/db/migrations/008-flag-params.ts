// A flag keeps what its rule found (values, dates, the document type) beside its two sentences, so the
// screens say it in the reader's language from the rule and these parameters. Flags stored before this
// have none and are shown by their stored sentence until the case is checked again.
export const migration008 = {
  version: 8,
  name: 'flags: rule parameters',
  sql: `
ALTER TABLE case_flags ADD COLUMN params TEXT CHECK (params IS NULL OR json_valid(params));
`,
};
