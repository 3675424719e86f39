/**
 * The reader's keys (bound in shared/keymap.ts, which the ? sheet lists): what each command does,
 * and which presses the reader leaves alone (a field being typed in, an open
 * dialog, a modifier it does not use). What each command does is the
 * reader's, passed in.
 */
import { commandFor, type CommandOf } from '@shared/keymap';
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
  const command = commandFor('reader', event);
  if (command === 'find') {
    event.preventDefault();
    commands.find();
    return;
  }
  if (event.defaultPrevented || typingElsewhere(event)) return;
  if (commands.select(event)) {
    event.preventDefault();
    return;
  }
  if (!command) return;
  const page = () => window.innerHeight - commands.topInset() - LINE;
  const actions: Record<Exclude<CommandOf<'reader'>, 'find' | 'select-text'>, () => void> = {
    'scroll-down': () => window.scrollBy({ top: LINE }),
    'scroll-up': () => window.scrollBy({ top: -LINE }),
    'page-down': () => window.scrollBy({ top: page() }),
    'page-up': () => window.scrollBy({ top: -page() }),
    top: () => window.scrollTo({ top: 0 }),
    end: scrollToEnd,
    previous: commands.previous,
    next: commands.next,
    highlight: commands.highlight,
    note: commands.note,
    archive: commands.archive,
    favorite: commands.favorite,
    escape: commands.escape,
  };
  if (command === 'select-text') return;
  if (event.key === ' ' && event.target instanceof HTMLButtonElement) return;
  event.preventDefault();
  actions[command]();
}
