// Importing the participant master data the checks compare against: an administrator's act (or the
// command line's), recorded in the audit trail with the file's name, SHA-256, size and counts, inside
// the import's own transaction. The rows themselves never enter the audit trail.
import type { Readable } from 'node:stream';
import { cleanFileName } from '../../shared/files/file-name';
import { actorName, systemCaller, type Caller } from '../auth/caller';
import type { BackendContext } from '../context';
import { importParticipantsCsv, undoInterruptedImports, type ImportResult } from '../participants/import-csv';

/** Undoes the imports a stopped process left half-done, each recorded and audited as interrupted. Runs at
 * the back end's start and before every import (a command-line import may have been killed). */
export function undoStoppedImports(ctx: BackendContext): Promise<number> {
  return undoInterruptedImports(ctx.db, (r) => ctx.audit(systemCaller(), 'participants.importInterrupted', r));
}

export async function importParticipants(ctx: BackendContext, caller: Caller, source: string | Readable | Buffer, givenName: string): Promise<ImportResult> {
  await undoStoppedImports(ctx);
  // The history and every message name the file cleaned; the audit keeps the name as given, as data.
  const fileName = cleanFileName(givenName);
  const given = givenName === fileName ? {} : { givenFileName: givenName };
  return importParticipantsCsv(ctx, source, {
    actor: actorName(caller),
    fileName,
    record: (r) =>
      ctx.audit(caller, 'participants.import', {
        fileName: r.fileName,
        ...given,
        sha256: r.sha256,
        bytes: r.bytes,
        importId: r.importId,
        rowsRead: r.rowsRead,
        inserted: r.inserted,
        updated: r.updated,
        unchanged: r.unchanged,
        rejected: r.errors.length,
      }),
    recordFailure: (r) =>
      ctx.audit(caller, 'participants.importFailed', {
        fileName: r.fileName,
        ...given,
        sha256OfBytesRead: r.sha256,
        bytesRead: r.bytes,
        rowsRead: r.rowsRead,
        failure: r.failure,
      }),
  });
}
