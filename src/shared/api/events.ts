// Events pushed from the back end to the UI (both transports carry them the same way).
import { z } from 'zod';

export const eventSchemas = {
  /** One page of a case's file finished (or failed) OCR; drives progress bars. */
  'ocr.progress': z.object({
    caseId: z.number().int(),
    fileId: z.number().int(),
    page: z.number().int(),
    pagesDone: z.number().int(),
    pagesTotal: z.number().int(),
    state: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
    error: z.string().optional(),
  }),
  /** Something about a case changed (status, files, flags): screens showing it reload. */
  'case.changed': z.object({ caseId: z.number().int() }),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventPayload<N extends EventName> = z.infer<(typeof eventSchemas)[N]>;
export interface AppEvent<N extends EventName = EventName> {
  name: N;
  payload: EventPayload<N>;
}

/** Any event, narrowed by its name. */
export type AnyAppEvent = { [N in EventName]: AppEvent<N> }[EventName];
