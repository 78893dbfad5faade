// Every contract method has exactly one handler; a missing one fails the type-check. Handlers are loaded
// by the method's namespace on its first call, so a command or a start that calls only `app.info` never
// loads OCR, image or PDF code.
import type { MethodName } from '../../shared/api/contract';
import type { Handler, HandlerMap } from './types';

type Namespace = MethodName extends `${infer N}.${string}` ? N : never;
type MethodsOf<N extends Namespace> = Extract<MethodName, `${N}.${string}`>;

const loaders: { [N in Namespace]: () => Promise<HandlerMap<MethodsOf<N>>> } = {
  app: async () => (await import('./app')).appHandlers,
  audit: async () => (await import('./audit')).auditHandlers,
  auth: async () => (await import('./auth')).authHandlers,
  cases: async () => ({ ...(await import('./cases')).casesHandlers, ...(await import('./review')).reviewHandlers }),
  checks: async () => (await import('./checks')).checksHandlers,
  dashboard: async () => (await import('./dashboard')).dashboardHandlers,
  documents: async () => (await import('./documents')).documentsHandlers,
  extraction: async () => (await import('./extraction')).extractionHandlers,
  flags: async () => (await import('./review')).reviewHandlers,
  exports: async () => (await import('./exports')).exportsHandlers,
  letters: async () => (await import('./letters')).lettersHandlers,
  participants: async () => ({ ...(await import('./participants')).participantsHandlers, ...(await import('./checks')).checksHandlers }),
  requirements: async () => (await import('./checks')).checksHandlers,
  settings: async () => (await import('./settings')).settingsHandlers,
  users: async () => (await import('./users')).usersHandlers,
};

const loaded = new Map<Namespace, Promise<Record<string, unknown>>>();

function load(ns: Namespace): Promise<Record<string, unknown>> {
  let group = loaded.get(ns);
  if (!group) {
    group = loaders[ns]() as Promise<Record<string, unknown>>;
    loaded.set(ns, group);
    // A failed load (a broken install) is tried again on the next call rather than remembered.
    group.catch(() => loaded.delete(ns));
  }
  return group;
}

/** The handler of `method`, loading its namespace's modules the first time. */
export async function handlerFor<M extends MethodName>(method: M): Promise<Handler<M>> {
  return (await load(method.slice(0, method.indexOf('.')) as Namespace))[method] as Handler<M>;
}

/** Loads every namespace, one after the other: the long-running back end does this while nobody waits,
 * so no officer's first call pays for it. */
export async function preloadHandlers(): Promise<void> {
  for (const ns of Object.keys(loaders) as Namespace[]) await load(ns);
}
