/**
 * Fan-out of backend events to every connected window, whichever transport
 * carries them. A listener that throws is dropped rather than allowed to stop
 * the others.
 */
import type { LecternEvent } from '../shared/api';

export type EventListener = (event: LecternEvent) => void;

export class EventHub {
  readonly #listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: LecternEvent): void {
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
