/**
 * One note editor's text: what the person types, saved by an Autosaver
 * against the stored text it was written over. While the person has nothing
 * unsaved, the text follows the stored note, so a save made in another
 * window shows here as it happens. When this window's save is refused
 * because another saved first, both texts are held in `conflict` until the
 * person keeps theirs, the other, or both joined; nothing is dropped.
 */
import type { NoteEdit, NoteSaved } from '@shared/api';
import { Autosaver, type NoteConflict, type SaveState } from './autosave';

export type ConflictChoice = 'mine' | 'theirs' | 'both';

/** Between two kept texts: a Markdown rule, shown as a line in the preview. */
export const BOTH_SEPARATOR = '\n\n---\n\n';

/** The text "Keep both" keeps: the person's own first, then the other window's. */
export function joinNotes({ mine, theirs }: NoteConflict): string {
  if (mine.trim() === '') return theirs;
  if (theirs.trim() === '') return mine;
  return `${mine.trimEnd()}${BOTH_SEPARATOR}${theirs.trimStart()}`;
}

export class NoteDraft {
  text = $state('');
  saveState = $state<SaveState>('saved');
  conflict = $state<NoteConflict | null>(null);
  readonly #saver: Autosaver;

  constructor(key: string, stored: string, save: (edit: NoteEdit) => Promise<NoteSaved>) {
    const draft = Autosaver.draft(key);
    // A draft kept without its base (an older version's) is taken as written over what is stored.
    this.#saver = new Autosaver(key, draft?.base ?? stored, save, {
      onState: (state) => (this.saveState = state),
      onConflict: (conflict) => (this.conflict = conflict),
    });
    this.text = draft?.text ?? stored;
    // A draft a closed window left is saved again; the backend says if the note moved on meanwhile.
    if (draft && draft.text !== stored) this.type(draft.text);
    else if (draft) void this.#saver.resolve(stored, stored);
  }

  /** The person typed. */
  type(text: string): void {
    this.text = text;
    this.#saver.change(text);
  }

  /** The stored note is now `stored` (this window's save, or another's). */
  follow(stored: string): void {
    this.#saver.follow(stored);
    if (this.conflict === null && !this.#saver.dirty) this.text = stored;
  }

  /** Ends a conflict with the person's choice, saved over the other window's text. */
  choose(choice: ConflictChoice): Promise<void> {
    const conflict = this.conflict;
    if (!conflict) return Promise.resolve();
    this.conflict = null;
    this.text =
      choice === 'mine' ? conflict.mine : choice === 'theirs' ? conflict.theirs : joinNotes(conflict);
    return this.#saver.resolve(conflict.theirs, this.text);
  }

  flush(): Promise<void> {
    return this.#saver.flush();
  }
}
