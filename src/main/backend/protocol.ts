// The messages between a host and its back-end process (entry.ts), over Node's IPC channel (browser
// mode) or Electron's utility-process port (desktop). Calls carry the contract unchanged.
import type { AppEvent } from '../../shared/api/events';
import type { ApiError, Result } from '../../shared/api/result';
import type { UploadKind } from '../../shared/api/upload';
import type { Transport } from '../context';
import type { DemoResult } from '../demo/seed';

export interface StartOptions {
  home: string;
  transport: Transport;
  /** better-sqlite3 built for Electron (the desktop app run from a checkout). */
  nativeBinding?: string;
  /** Seed an empty data folder with the demo first. */
  demo?: { files: boolean };
}

export interface Started {
  home: string;
  /** No account exists yet: the first screen sets up an administrator. */
  firstRun: boolean;
  demo?: DemoResult;
}

/** One step of streaming a file to the back end (uploads.ts); each is answered with a `result`. */
export type UploadStep = { step: 'begin'; kind: UploadKind } | { step: 'append'; upload: string; data: Uint8Array } | { step: 'end' | 'abort'; upload: string };

export type ToBackend =
  | { t: 'start'; options: StartOptions }
  | { t: 'call'; id: number; method: string; payload: unknown; session: string | null }
  | ({ t: 'upload'; id: number; session: string | null } & UploadStep)
  | { t: 'end-session'; token: string; reason: string }
  | { t: 'close' };

export type FromBackend =
  | { t: 'started'; started: Started }
  | { t: 'failed'; error: ApiError }
  /** `session` is present when the call bound a session (sign-in) or dropped it (null). */
  | { t: 'result'; id: number; result: Result<unknown>; session?: string | null }
  | { t: 'event'; event: AppEvent };
