/** SQLite gave up waiting for the file's write lock (its busy timeout), held by another process on the folder. */
export const sqliteBusy = (err: unknown): boolean => /^SQLITE_(BUSY|LOCKED)/.test(String((err as { code?: unknown } | null)?.code ?? ''));
