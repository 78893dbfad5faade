import type { MethodName, MethodOutput, MethodParsedInput } from '../../shared/api/contract';
import type { BackendContext } from '../context';

export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  ctx: BackendContext,
) => Promise<MethodOutput<M>> | MethodOutput<M>;

export type HandlerMap<K extends MethodName> = { [M in K]: Handler<M> };
