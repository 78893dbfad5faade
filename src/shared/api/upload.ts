// How a call names a file streamed to the back end before it (src/main/uploads.ts).
import { z } from 'zod';

export const UPLOAD_ID = /^[0-9a-f]{32}$/;
export const uploadId = z.string().regex(UPLOAD_ID, 'not an upload id');

/** What an upload is for: its size limit is that kind's (a claim document, a participant CSV). */
export const UPLOAD_KINDS = ['document', 'participants'] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];
export const isUploadKind = (v: unknown): v is UploadKind => (UPLOAD_KINDS as readonly unknown[]).includes(v);
