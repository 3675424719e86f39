/**
 * Builds the renderer's API object from a transport. A transport only moves
 * (method, args) one way and a CallResult back; the method list comes from
 * the contract itself, so no channel or method names are written twice.
 */
import { API_METHODS, type ApiMethod, type CallResult, type LecternClient, type LecternEvent } from './api';
import { deserializeError } from './errors';

export interface Transport {
  call(method: ApiMethod, args: unknown[]): Promise<CallResult>;
  onEvent(listener: (event: LecternEvent) => void): () => void;
  /** The URL this transport serves an article's stored asset from. */
  assetUrl(articleId: string, name: string): string;
}

export function createClient(transport: Transport): LecternClient {
  const client: Record<string, unknown> = {
    onEvent: (listener: (event: LecternEvent) => void) => transport.onEvent(listener),
    assetUrl: (articleId: string, name: string) => transport.assetUrl(articleId, name),
  };
  for (const method of API_METHODS) {
    client[method] = async (...args: unknown[]) => {
      const result = await transport.call(method, args);
      if (!result.ok) throw deserializeError(result.error);
      return result.value;
    };
  }
  return client as unknown as LecternClient;
}
