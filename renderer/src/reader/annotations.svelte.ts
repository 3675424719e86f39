/**
 * One article's highlights and note while it is open. Changes go to the
 * backend first and the answer replaces the list, so what is shown is what
 * is stored; annotations-changed events from other windows replace it too.
 * Deleting offers an undo that restores the same highlight (same id, note
 * and dates).
 */
import type { Highlight } from '@shared/annotation';
import type {
  HighlightPatch,
  LecternClient,
  LecternEvent,
  NewHighlight,
  NoteEdit,
  NoteSaved,
} from '@shared/api';
import { errorNotice, type Notices } from '../ui/notices.svelte';

export class AnnotationsState {
  highlights = $state.raw<Highlight[]>([]);
  note = $state('');
  readonly #unsubscribe: () => void;
  readonly #api: LecternClient;
  readonly #notices: Pick<Notices, 'show'>;

  constructor(
    api: LecternClient,
    notices: Pick<Notices, 'show'>,
    readonly articleId: string,
    initial: { highlights: Highlight[]; note: string },
  ) {
    this.#api = api;
    this.#notices = notices;
    this.highlights = initial.highlights;
    this.note = initial.note;
    this.#unsubscribe = api.onEvent((event: LecternEvent) => {
      if (event.type !== 'annotations-changed' || event.articleId !== articleId) return;
      this.highlights = event.highlights;
      this.note = event.note;
    });
  }

  dispose(): void {
    this.#unsubscribe();
  }

  async add(input: NewHighlight): Promise<Highlight | null> {
    try {
      const highlight = await this.#api.addHighlight(this.articleId, input);
      if (!this.highlights.some((h) => h.id === highlight.id))
        this.highlights = [...this.highlights, highlight];
      return highlight;
    } catch (error) {
      this.#notices.show(errorNotice('The highlight was not saved', error));
      return null;
    }
  }

  /** Changes a highlight's colour; a failure becomes a notice. */
  async update(id: string, patch: HighlightPatch): Promise<void> {
    try {
      const highlight = await this.#api.updateHighlight(this.articleId, id, patch);
      this.highlights = this.highlights.map((h) => (h.id === id ? highlight : h));
    } catch (error) {
      this.#notices.show(errorNotice('The highlight was not changed', error));
    }
  }

  async remove(id: string): Promise<void> {
    try {
      const removed = await this.#api.deleteHighlight(this.articleId, id);
      this.highlights = this.highlights.filter((h) => h.id !== id);
      this.#notices.show({
        tone: 'success',
        title: 'Highlight deleted',
        lines: [],
        action: { label: 'Undo', run: () => void this.restore(removed) },
      });
    } catch (error) {
      this.#notices.show(errorNotice('The highlight was not deleted', error));
    }
  }

  async restore(highlight: Highlight): Promise<void> {
    try {
      await this.#api.restoreHighlight(this.articleId, highlight);
      if (!this.highlights.some((h) => h.id === highlight.id))
        this.highlights = [...this.highlights, highlight];
    } catch (error) {
      this.#notices.show(errorNotice('The highlight could not be restored', error));
    }
  }

  /**
   * Saves the article note. Notes come from an Autosaver, which keeps the
   * draft and retries, or asks the person when the note changed elsewhere;
   * so a failed save rejects rather than becoming a notice.
   */
  async setNote(edit: NoteEdit): Promise<NoteSaved> {
    const answer = await this.#api.setArticleNote(this.articleId, edit);
    if (answer.saved) this.note = edit.text;
    return answer;
  }

  /** Saves a highlight's note, as setNote does the article's. */
  async setHighlightNote(id: string, edit: NoteEdit): Promise<NoteSaved> {
    const answer = await this.#api.setHighlightNote(this.articleId, id, edit);
    if (answer.saved)
      this.highlights = this.highlights.map((h) => (h.id === id ? { ...h, note: edit.text } : h));
    return answer;
  }
}
