/**
 * The reader's keys (listed for people in shortcuts.ts): which key does what,
 * and which presses the reader leaves alone (a field being typed in, an open
 * dialog, a modifier it does not use). What each command does is the
 * reader's, passed in.
 */
import { scrollToEnd } from './progress';

/** How far j and k scroll, in pixels: about a line of text; also the margin a find match is kept from the window's bottom. */
export const LINE = 56;

export interface ReaderCommands {
  /** The top of the text that can be read, below the reader's bar. */
  topInset(): number;
  find(): void;
  /** Extends the selection from the keyboard; true when the key did that. */
  select(event: KeyboardEvent): boolean;
  previous(): void;
  next(): void;
  highlight(): void;
  note(): void;
  archive(): void;
  favorite(): void;
  shortcuts(): void;
  /** Closes what is open over the text, else leaves the article. */
  escape(): void;
}

/** True when a key press belongs to a field being typed in, or to an open dialog, not to the reader. */
function typingElsewhere(event: KeyboardEvent): boolean {
  const target = event.target;
  const typing =
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
  return typing || document.querySelector('dialog[open]') !== null;
}

export function onReaderKey(event: KeyboardEvent, commands: ReaderCommands): void {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
    event.preventDefault();
    commands.find();
    return;
  }
  if (event.defaultPrevented || typingElsewhere(event)) return;
  if (commands.select(event)) {
    event.preventDefault();
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const page = window.innerHeight - commands.topInset() - LINE;
  const actions: Record<string, () => void> = {
    j: () => window.scrollBy({ top: LINE }),
    k: () => window.scrollBy({ top: -LINE }),
    ' ': () => window.scrollBy({ top: event.shiftKey ? -page : page }),
    g: () => window.scrollTo({ top: 0 }),
    G: scrollToEnd,
    '[': commands.previous,
    ']': commands.next,
    h: commands.highlight,
    n: commands.note,
    e: commands.archive,
    s: commands.favorite,
    '?': commands.shortcuts,
    Escape: commands.escape,
  };
  const action = actions[event.key];
  if (!action) return;
  if (event.key === ' ' && event.target instanceof HTMLButtonElement) return;
  event.preventDefault();
  action();
}
