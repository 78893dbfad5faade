import type { AppEvent, EventName, EventPayload } from '../shared/api/events';

export type EventListener = (event: AppEvent) => void;

/** Back-end events fanned out to every connected UI (IPC window or browser-mode stream). */
export class EventBus {
  private readonly listeners = new Set<EventListener>();
  /** Passes each event on to the other back ends sharing the store (PostgreSQL), if any. */
  relay: ((event: AppEvent) => void) | null = null;

  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    const event = { name, payload } as AppEvent;
    this.deliver(event);
    this.relay?.(event);
  }

  /** An event another back end emitted: to this back end's screens, not passed on again. */
  deliver(event: AppEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
