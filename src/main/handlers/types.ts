import type { MethodName, MethodOutput, MethodParsedInput } from '../../shared/api/contract';
import type { Caller } from '../auth/caller';
import type { BackendContext } from '../context';

/** What a handler knows about its call besides the input: who is calling, and the transport's session. */
export interface HandlerCall {
  caller: Caller;
  sessionToken: string | null;
  /** Binds a session to the transport (sign-in) or drops it (sign-out). */
  setSession: (token: string | null) => void;
}

export type Handler<M extends MethodName> = (input: MethodParsedInput<M>, ctx: BackendContext, call: HandlerCall) => Promise<MethodOutput<M>> | MethodOutput<M>;

export type HandlerMap<K extends MethodName> = { [M in K]: Handler<M> };
