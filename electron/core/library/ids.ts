/**
 * New article ids: the creation time in base 36 (so folder listings sort by
 * age) and eight random base-36 characters (so two imports in the same
 * millisecond, or on two synced machines, do not collide).
 */
import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function newArticleId(now: Date = new Date()): string {
  const time = now.getTime().toString(36).padStart(10, '0');
  let random = '';
  for (let i = 0; i < 8; i++) random += ALPHABET[randomInt(ALPHABET.length)];
  return `${time}-${random}`;
}
