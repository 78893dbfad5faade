// Several documents may share a page (two KTPs on one photocopy): each case document keeps its region
// on each of its pages, so it can be shown on the page and found again when its file is re-extracted.
export const migration005 = {
  version: 5,
  name: 'extraction: document regions',
  sql: `
ALTER TABLE case_documents ADD COLUMN regions TEXT CHECK (regions IS NULL OR json_valid(regions));
`,
};
