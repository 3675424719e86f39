/** SearchApi: queries through the search engine, and saved views in lectern.json. */
import type { SavedView, SearchApi } from '../../shared/api';
import { LecternError } from '../../shared/errors';
import type { ServiceContext } from './context';

export function searchService({ library, search, events }: ServiceContext): SearchApi {
  async function views(): Promise<SavedView[]> {
    return Promise.all(
      library.file.data.savedViews.map(async (view) => ({
        ...view,
        count: (await search.search(view.query)).ids.length,
      })),
    );
  }

  return {
    search: (query: string) => search.search(query),

    searchSnippets: (query: string, ids: string[]) => search.snippets(query, ids),

    listViews: views,

    async saveView(name: string, query: string) {
      await library.updateFile((file) => {
        const existing = file.savedViews.find((view) => view.name === name);
        if (existing) existing.query = query;
        else file.savedViews.push({ name, query });
      });
      events.emit({ type: 'library-settings-changed' });
      return views();
    },

    async deleteView(name: string) {
      if (!library.file.data.savedViews.some((view) => view.name === name)) {
        throw new LecternError('not-found', `There is no saved view called “${name}”.`);
      }
      await library.updateFile((file) => {
        file.savedViews = file.savedViews.filter((view) => view.name !== name);
      });
      events.emit({ type: 'library-settings-changed' });
      return views();
    },
  };
}
