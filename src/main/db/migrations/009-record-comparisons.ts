// The checks keep, with their checklist, every document value they set against the participant record
// (a JSON array of comparisons), so the case screen shows the record's value beside the document's.
export const migration009 = {
  version: 9,
  name: 'case checks: document values compared with the record',
  sql: `
ALTER TABLE case_checks ADD COLUMN comparisons TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(comparisons));
`,
};
