/**
 * Whether a note edit may land: a compare-and-set on the note's text. An edit
 * carries the stored text it was written over (its base); it is written only
 * while the note still holds that base, so an edit made on a copy that
 * another window (or a sync tool) has since changed is refused with the text
 * now held, and the person chooses. Comparing text rather than a counter
 * costs the base's bytes on each save (notes are capped) but needs nothing
 * stored beside the note and cannot be fooled by an editor that forgets to
 * bump a counter. An edit whose text is already held succeeds without a
 * write: a retried save whose answer was lost, or two windows typing alike.
 */
import type { NoteEdit, NoteSaved } from '../../shared/api';

export interface NoteEditVerdict {
  answer: NoteSaved;
  /** Whether the stored note is to be replaced by the edit's text. */
  write: boolean;
}

export function judgeNoteEdit(stored: string, edit: NoteEdit): NoteEditVerdict {
  if (stored === edit.text) return { answer: { saved: true }, write: false };
  if (stored === edit.base) return { answer: { saved: true }, write: true };
  return { answer: { saved: false, theirs: stored }, write: false };
}
