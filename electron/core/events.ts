/**
 * Fan-out of backend events to every connected window, whichever transport
 * carries them (and, typed to its own events, of the library's change feed).
 * A listener that throws is dropped rather than allowed to stop the others,
 * or the write that caused the event.
 */
import type { LecternEvent } from '../shared/api';

export type EventListener<E = LecternEvent> = (event: E) => void;

export class EventHub<E = LecternEvent> {
  readonly #listeners = new Set<EventListener<E>>();

  subscribe(listener: EventListener<E>): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: E): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('Lectern: an event listener failed and was removed:', error);
        this.#listeners.delete(listener);
      }
    }
  }
}
