/**
 * Word counts for reading time. Runs of letters and digits count as one word
 * each; Chinese and Japanese, written without spaces, count one word per
 * ideograph or kana, which matches how reading speed is usually measured for
 * them.
 */
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}'’_-]+/gu;

export function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(WORD)) count++;
  return count;
}

/** The first sentences of the text, cut at a word boundary near `limit` characters. */
export function excerptOf(text: string, limit = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.lastIndexOf(' ', limit);
  return `${flat.slice(0, cut > limit / 2 ? cut : limit)}…`;
}
