import type { AppEvent, EventName, EventPayload } from '../shared/api/events';

export type EventListener = (event: AppEvent) => void;

/** Back-end events fanned out to every connected UI (IPC window or browser-mode stream). */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    for (const listener of this.listeners) listener({ name, payload } as AppEvent);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
