/**
 * AnnotationsApi: highlights and notes live in each article's article.json,
 * so a change writes one small file. The library announces every change
 * with the article's full set of highlights and its note, so other windows
 * replace rather than merge. Notes are written only over the text the edit
 * was made on (library/note-edit.ts), so one window never overwrites what
 * another saved. Arguments arrive validated (dispatch.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Highlight } from '../../shared/annotation';
import type {
  AnnotationsApi,
  HighlightFilter,
  HighlightPatch,
  LibraryHighlight,
  NewHighlight,
  NoteEdit,
  NoteSaved,
} from '../../shared/api';
import type { ArticleMeta } from '../../shared/article';
import { LecternError } from '../../shared/errors';
import { judgeNoteEdit } from '../library/note-edit';
import type { ServiceContext } from './context';

function missingHighlight(): LecternError {
  return new LecternError(
    'not-found',
    'That highlight is no longer in the article; it may have been deleted.',
  );
}

function matches(entry: LibraryHighlight, filter: HighlightFilter): boolean {
  if (filter.color && entry.highlight.color !== filter.color) return false;
  if (filter.tag && !entry.tags.includes(filter.tag)) return false;
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = `${entry.highlight.target.selector[0].exact}\n${entry.highlight.note}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export function annotationsService({ library }: ServiceContext): AnnotationsApi {
  async function changeHighlight(
    articleId: string,
    highlightId: string,
    change: (highlight: Highlight, meta: ArticleMeta) => void,
  ): Promise<Highlight> {
    let changed: Highlight | undefined;
    await library.update(articleId, (draft) => {
      const highlight = draft.highlights.find((h) => h.id === highlightId);
      if (!highlight) throw missingHighlight();
      change(highlight, draft);
      changed = highlight;
    });
    return changed as Highlight;
  }

  /** Writes `edit` into the note `holder` finds in the record, if the note still holds its base. */
  async function editNote(
    articleId: string,
    edit: NoteEdit,
    holder: (meta: ArticleMeta) => { note: string; updatedAt: string },
  ): Promise<NoteSaved> {
    let answer: NoteSaved = { saved: true };
    await library.update(articleId, (draft) => {
      const target = holder(draft);
      const verdict = judgeNoteEdit(target.note, edit);
      answer = verdict.answer;
      if (!verdict.write) return false;
      target.note = edit.text;
      target.updatedAt = new Date().toISOString();
    });
    return answer;
  }

  return {
    async addHighlight(articleId: string, input: NewHighlight) {
      const now = new Date().toISOString();
      const highlight: Highlight = { id: randomUUID(), ...input, createdAt: now, updatedAt: now };
      await library.update(articleId, (draft) => {
        draft.highlights.push(highlight);
      });
      return highlight;
    },

    async updateHighlight(articleId: string, highlightId: string, patch: HighlightPatch) {
      return changeHighlight(articleId, highlightId, (highlight) => {
        Object.assign(highlight, patch, { updatedAt: new Date().toISOString() });
      });
    },

    async deleteHighlight(articleId: string, highlightId: string) {
      return changeHighlight(articleId, highlightId, (highlight, draft) => {
        draft.highlights = draft.highlights.filter((h) => h !== highlight);
      });
    },

    async restoreHighlight(articleId: string, highlight: Highlight) {
      await library.update(articleId, (draft) => {
        if (draft.highlights.some((h) => h.id === highlight.id)) {
          throw new LecternError('invalid-argument', 'That highlight is already in the article.');
        }
        draft.highlights.push(highlight);
      });
      return highlight;
    },

    async setArticleNote(articleId: string, edit: NoteEdit) {
      // The record's own updatedAt is set again by the library on every write.
      return editNote(articleId, edit, (draft) => draft);
    },

    async setHighlightNote(articleId: string, highlightId: string, edit: NoteEdit) {
      return editNote(articleId, edit, (draft) => {
        const highlight = draft.highlights.find((h) => h.id === highlightId);
        if (!highlight) throw missingHighlight();
        return highlight;
      });
    },

    async listHighlights(filter: HighlightFilter) {
      // From the highlight cache: only articles changed since it was filled are read.
      const entries: LibraryHighlight[] = (await library.highlights.annotated()).flatMap(
        ({ summary, highlights }) =>
          highlights.map((highlight) => ({
            articleId: summary.id,
            articleTitle: summary.title,
            siteName: summary.siteName,
            tags: summary.tags,
            highlight,
          })),
      );
      return entries
        .filter((entry) => matches(entry, filter))
        .sort((a, b) =>
          a.highlight.createdAt < b.highlight.createdAt
            ? 1
            : a.highlight.createdAt > b.highlight.createdAt
              ? -1
              : 0,
        );
    },
  };
}
