/**
 * LecternService implements the API contract over a Library. It trusts its
 * arguments: dispatch.ts validates them before they arrive here.
 */
import type { ArticlePatch, FileInput, ImportOutcome, LecternApi, TextInput } from '../shared/api';
import { summarize, type ArticleSummary, type ArticleWithContent } from '../shared/article';
import { LecternError, serializeError } from '../shared/errors';
import type { EventHub } from './events';
import { prepareFile, prepareText } from './import/import-file';
import type { Library, NewArticle } from './library/library';

export class LecternService implements LecternApi {
  constructor(
    private readonly library: Library,
    private readonly events: EventHub,
  ) {}

  async listArticles(): Promise<ArticleSummary[]> {
    return this.library.list().map(summarize);
  }

  async getArticle(id: string): Promise<ArticleWithContent> {
    const meta = this.library.get(id);
    return { meta, html: await this.library.content(id) };
  }

  async importFiles(files: FileInput[]): Promise<ImportOutcome[]> {
    const outcomes: ImportOutcome[] = [];
    for (const file of files) {
      outcomes.push(await this.#import(file.name, () => prepareFile(file)));
    }
    return outcomes;
  }

  async importText(input: TextInput): Promise<ImportOutcome> {
    return this.#import(input.title ?? 'Text clip', () => prepareText(input));
  }

  async updateArticle(id: string, patch: ArticlePatch): Promise<ArticleSummary> {
    const meta = await this.library.update(id, (draft) => Object.assign(draft, patch));
    const summary = summarize(meta);
    this.events.emit({ type: 'library-changed', changed: [summary], removed: [] });
    return summary;
  }

  async deleteArticle(id: string): Promise<void> {
    await this.library.trash(id);
    this.events.emit({ type: 'library-changed', changed: [], removed: [id] });
  }

  async #import(input: string, prepare: () => Promise<NewArticle>): Promise<ImportOutcome> {
    try {
      const meta = await this.library.add(await prepare());
      const article = summarize(meta);
      this.events.emit({ type: 'library-changed', changed: [article], removed: [] });
      return { status: 'imported', input, article };
    } catch (error) {
      logUnexpected(error);
      return { status: 'failed', input, error: serializeError(error) };
    }
  }
}

/** Expected failures are LecternErrors; anything else is a bug worth a stack in the log. */
export function logUnexpected(error: unknown): void {
  if (!(error instanceof LecternError)) {
    console.error('Lectern: unexpected error', error);
  }
}
