/**
 * A stand-in for the API client in unit tests of the renderer's state: the
 * test gives the methods it needs, every other method rejects naming itself
 * (so a test never passes by calling something it did not expect), and
 * `emit` plays a backend event to whatever subscribed.
 */
import type { LecternApi, LecternClient, LecternEvent } from '@shared/api';
import { LecternError } from '@shared/errors';

export interface FakeClient extends LecternClient {
  emit(event: LecternEvent): void;
}

export function fakeClient(methods: Partial<LecternApi> = {}): FakeClient {
  const listeners = new Set<(event: LecternEvent) => void>();
  const base = {
    onEvent(listener: (event: LecternEvent) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    assetUrl: (articleId: string, name: string) => `asset://${articleId}/${name}`,
    emit(event: LecternEvent) {
      for (const listener of listeners) listener(event);
    },
    ...methods,
  };
  return new Proxy(base, {
    get(target, key) {
      if (key in target) return target[key as keyof typeof target];
      // Promise resolution probes `then`: the client is not a thenable.
      if (key === 'then' || typeof key !== 'string') return undefined;
      return () => Promise.reject(new Error(`${key} was called but the test did not fake it`));
    },
  }) as unknown as FakeClient;
}

/** A method that fails the way a backend that went away does. */
export function failing(message = 'Lectern’s backend is not answering.'): () => Promise<never> {
  return () => Promise.reject(new LecternError('transport-failed', message));
}
