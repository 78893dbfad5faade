// The one API contract between UI and back end: every method, its input and output schema.
// Both transports (Electron IPC, loopback HTTP) and the CLI serve exactly this table.
import type { z } from 'zod';
import { appMethods } from './methods-app';
import { auditMethods } from './methods-audit';
import { authMethods } from './methods-auth';
import { casesMethods } from './methods-cases';
import { checksMethods } from './methods-checks';
import { dashboardMethods } from './methods-dashboard';
import { documentsMethods } from './methods-documents';
import { extractionMethods } from './methods-extraction';
import { lettersMethods } from './methods-letters';
import { exportsMethods } from './methods-exports';
import { participantsMethods } from './methods-participants';
import { reviewMethods } from './methods-review';
import type { UploadKind } from './upload';
import { settingsMethods } from './methods-settings';
import { usersMethods } from './methods-users';
import type { Result } from './result';

export const contract = {
  ...authMethods,
  ...appMethods,
  ...usersMethods,
  ...settingsMethods,
  ...auditMethods,
  ...participantsMethods,
  ...casesMethods,
  ...reviewMethods,
  ...documentsMethods,
  ...extractionMethods,
  ...checksMethods,
  ...lettersMethods,
  ...exportsMethods,
  ...dashboardMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export const isMethodName = (name: string): name is MethodName => Object.prototype.hasOwnProperty.call(contract, name);

/** What the renderer talks to, whichever transport carries it. */
/** A picked or dropped file as the screens hold it (a browser File). */
export interface UploadFile {
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A file streamed to the back end before the call that names it (`documents.add`, `participants.import`). */
export interface UploadReceipt {
  upload: string;
  bytes: number;
}

export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  /** Sends one file's bytes; the receipt's `upload` then names it in a call. */
  upload(kind: UploadKind, file: UploadFile): Promise<Result<UploadReceipt>>;
  onEvent(listener: (event: { name: string; payload: unknown }) => void): () => void;
}

/** The bridge the Electron preload exposes: one named verb per contract method, plus events. */
export type ClaimDeskBridge = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
} & {
  upload(kind: UploadKind, bytes: ArrayBuffer): Promise<Result<UploadReceipt>>;
  onEvent(listener: (event: { name: string; payload: unknown }) => void): () => void;
};
