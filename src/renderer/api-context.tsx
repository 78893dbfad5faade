// The screens' one data layer. Every read is a TanStack Query keyed by [method, input], so panels that
// show the same thing share one call and one answer. One event stream per window (opened here, once)
// tells the cache what changed: a case's queries are refetched when the back end says the case
// changed, its documents' progress when a page was read. Components never reload by hand after an
// event, and never open a stream of their own.
import { QueryClient, QueryClientProvider, useQuery as useTanstackQuery, type Query as CachedQuery } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ApiClient, MethodInput, MethodName, MethodOutput } from '../shared/api/contract';
import type { AnyAppEvent } from '../shared/api/events';
import type { ApiError } from '../shared/api/result';

export const ApiContext = createContext<ApiClient | null>(null);

export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiContext');
  return api;
}

export type LoadState = 'loading' | 'ready' | 'error';

export interface Query<T> {
  state: LoadState;
  data: T | undefined;
  error: ApiError | undefined;
  /** Asks again now (after an action of this screen; events refresh on their own). */
  reload: () => void;
}

/** A contract refusal carried through TanStack Query, which expects a thrown error. */
class CallFailed extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.message);
  }
}

/** Call a contract method and keep its latest answer; `null` input waits. The same method and input
 * anywhere on the screen is one call. */
export function useQuery<M extends MethodName>(method: M, input: MethodInput<M> | null): Query<MethodOutput<M>> {
  const api = useApi();
  const q = useTanstackQuery({
    queryKey: [method, input],
    enabled: input !== null,
    queryFn: async () => {
      const res = await api.call(method, input as MethodInput<M>);
      if (!res.ok) throw new CallFailed(res.error);
      return res.value;
    },
  });
  const error = q.error instanceof CallFailed ? q.error.apiError : q.error ? { code: 'internal' as const, message: String(q.error) } : undefined;
  const { refetch } = q;
  const reload = useCallback(() => void refetch(), [refetch]);
  return { state: q.isPending ? 'loading' : q.isError && q.data === undefined ? 'error' : 'ready', data: q.data, error, reload };
}

type Listener = (event: AnyAppEvent) => void;
const EventsContext = createContext<Set<Listener> | null>(null);

/** Subscribe to back-end events for as long as the component is shown (through the window's one stream). */
export function useEvents(listener: (event: AnyAppEvent) => void): void {
  const listeners = useContext(EventsContext);
  if (!listeners) throw new Error('useEvents outside DataProvider');
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => {
    const l: Listener = (e) => ref.current(e);
    listeners.add(l);
    return () => void listeners.delete(l);
  }, [listeners]);
}

/** The id of the case a query is about, from its input (`caseId`, or `id` for `cases.get`). */
function caseOf(query: CachedQuery): number | null {
  const [method, input] = query.queryKey as [string, Record<string, unknown> | null];
  if (!input) return null;
  if (typeof input.caseId === 'number') return input.caseId;
  return method === 'cases.get' && typeof input.id === 'number' ? input.id : null;
}

/** Which cached queries an event makes stale. */
export function staleAfter(event: AnyAppEvent, query: CachedQuery): boolean {
  const method = (query.queryKey as [string])[0];
  if (event.name === 'ocr.progress') {
    const { caseId, fileId, page } = event.payload;
    if (method === 'documents.list') return caseOf(query) === caseId;
    // The page that was just read: its image and words.
    const input = (query.queryKey as [string, { fileId?: number; page?: number } | null])[1];
    return method === 'documents.page' && input?.fileId === fileId && input?.page === page;
  }
  // A case changed: everything shown about it, and the lists it appears in.
  return caseOf(query) === event.payload.caseId || method === 'cases.list';
}

/** The cache and the one event stream of a signed-in window; a new sign-in starts with an empty cache. */
export function DataProvider({ api, children }: { api: ApiClient; children: React.ReactNode }): React.JSX.Element {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // Answers stay current through events, not by polling or refetching on focus.
          queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false },
        },
      }),
  );
  const [listeners] = useState(() => new Set<Listener>());
  useEffect(
    () =>
      api.onEvent((raw) => {
        const event = raw as AnyAppEvent;
        void client.invalidateQueries({ predicate: (q) => staleAfter(event, q) });
        for (const l of listeners) l(event);
      }),
    [api, client, listeners],
  );
  useEffect(() => () => client.clear(), [client]);
  return (
    <QueryClientProvider client={client}>
      <EventsContext.Provider value={listeners}>{children}</EventsContext.Provider>
    </QueryClientProvider>
  );
}
