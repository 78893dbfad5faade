import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ApiClient, MethodInput, MethodName, MethodOutput } from '../shared/api/contract';
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
  reload: () => void;
}

/** Call a contract method and keep its latest answer; `key` changes trigger a new call. */
export function useQuery<M extends MethodName>(method: M, input: MethodInput<M> | null, key: string): Query<MethodOutput<M>> {
  const api = useApi();
  const [state, setState] = useState<LoadState>('loading');
  const [data, setData] = useState<MethodOutput<M>>();
  const [error, setError] = useState<ApiError>();
  const [nonce, setNonce] = useState(0);
  const inputRef = useRef(input);
  inputRef.current = input;

  useEffect(() => {
    const current = inputRef.current;
    if (current === null) return;
    let live = true;
    setState('loading');
    void api.call(method, current).then((res) => {
      if (!live) return;
      if (res.ok) {
        setData(res.value);
        setError(undefined);
        setState('ready');
      } else {
        setError(res.error);
        setState('error');
      }
    });
    return () => {
      live = false;
    };
  }, [api, method, key, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { state, data, error, reload };
}

/** Subscribe to back-end events for as long as the component is shown. */
export function useEvents(listener: (event: { name: string; payload: unknown }) => void): void {
  const api = useApi();
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => api.onEvent((e) => ref.current(e)), [api]);
}
