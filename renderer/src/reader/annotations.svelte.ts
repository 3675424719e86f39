/**
 * One article's highlights and note while it is open. Changes go to the
 * backend first and the answer replaces the list, so what is shown is what
 * is stored; annotations-changed events from other windows replace it too.
 * Deleting offers an undo that restores the same highlight (same id, note
 * and dates).
 */
import type { Highlight } from '@shared/annotation';
import type { HighlightPatch, LecternEvent, NewHighlight } from '@shared/api';
import { api } from '../api/client';
import { notices } from '../ui/notices.svelte';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class ArticleAnnotations {
  highlights = $state.raw<Highlight[]>([]);
  note = $state('');
  readonly #unsubscribe: () => void;

  constructor(
    readonly articleId: string,
    initial: { highlights: Highlight[]; note: string },
  ) {
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
      const highlight = await api.addHighlight(this.articleId, input);
      if (!this.highlights.some((h) => h.id === highlight.id))
        this.highlights = [...this.highlights, highlight];
      return highlight;
    } catch (error) {
      notices.show({ tone: 'error', title: 'The highlight was not saved', lines: [message(error)] });
      return null;
    }
  }

  async update(id: string, patch: HighlightPatch): Promise<void> {
    const highlight = await api.updateHighlight(this.articleId, id, patch);
    this.highlights = this.highlights.map((h) => (h.id === id ? highlight : h));
  }

  async remove(id: string): Promise<void> {
    try {
      const removed = await api.deleteHighlight(this.articleId, id);
      this.highlights = this.highlights.filter((h) => h.id !== id);
      notices.show({
        tone: 'success',
        title: 'Highlight deleted',
        lines: [],
        action: { label: 'Undo', run: () => void this.restore(removed) },
      });
    } catch (error) {
      notices.show({ tone: 'error', title: 'The highlight was not deleted', lines: [message(error)] });
    }
  }

  async restore(highlight: Highlight): Promise<void> {
    try {
      await api.restoreHighlight(this.articleId, highlight);
      if (!this.highlights.some((h) => h.id === highlight.id))
        this.highlights = [...this.highlights, highlight];
    } catch (error) {
      notices.show({ tone: 'error', title: 'The highlight could not be restored', lines: [message(error)] });
    }
  }

  async setNote(note: string): Promise<void> {
    await api.setArticleNote(this.articleId, note);
    this.note = note;
  }
}
