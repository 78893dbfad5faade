import type { documentsMethods } from '../../shared/api/methods-documents';
import type { HandlerMap } from './types';

export const documentsHandlers: HandlerMap<keyof typeof documentsMethods> = {};
