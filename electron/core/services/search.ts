/** SearchApi: queries through the search engine, and saved views in lectern.json. */
import type { SavedView, SearchApi } from '../../shared/api';
import type { ServiceContext } from './context';

export function searchService({ library, search }: ServiceContext): SearchApi {
  async function views(): Promise<SavedView[]> {
    return Promise.all(
      library.file.savedViews().map(async (view) => ({
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
      await library.file.saveView(name, query);
      return views();
    },

    async deleteView(name: string) {
      await library.file.deleteView(name);
      return views();
    },
  };
}
