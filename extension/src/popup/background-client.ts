/**
 * The popup's one way to the background: a typed call per request kind
 * (messages.ts), so the popup cannot send a message the background does not
 * answer.
 */
import { ext } from '../browser-api';
import type { BackgroundCall, BackgroundCalls } from '../messages';

export function callBackground<K extends keyof BackgroundCalls>(
  message: Extract<BackgroundCall, { call: K }>,
): Promise<BackgroundCalls[K]['answer']> {
  return ext.runtime.sendMessage(message);
}
