/** ImportApi: runs the import pipeline and files the result in the library. */
import type { FileInput, ImportApi, ImportOutcome, TextInput } from '../../shared/api';
import { summarize } from '../../shared/article';
import { serializeError } from '../../shared/errors';
import { prepareFile, prepareText } from '../import/import-file';
import type { NewArticle } from '../library/library';
import { logUnexpected } from '../log';
import type { ServiceContext } from './context';

export function importService({ library, events }: ServiceContext): ImportApi {
  async function save(input: string, prepare: () => Promise<NewArticle>): Promise<ImportOutcome> {
    try {
      const article = summarize(await library.add(await prepare()));
      events.emit({ type: 'library-changed', changed: [article], removed: [] });
      return { status: 'imported', input, article };
    } catch (error) {
      logUnexpected(error);
      return { status: 'failed', input, error: serializeError(error) };
    }
  }

  return {
    async importFiles(files: FileInput[]) {
      const outcomes: ImportOutcome[] = [];
      for (const file of files) outcomes.push(await save(file.name, () => prepareFile(file)));
      return outcomes;
    },

    async importText(input: TextInput) {
      return save(input.title ?? 'Text clip', () => prepareText(input));
    },
  };
}
