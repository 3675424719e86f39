/** ArticlesApi over the library. Arguments arrive validated (dispatch.ts). */
import type { ArticlePatch, ArticlesApi } from '../../shared/api';
import { summarize } from '../../shared/article';
import type { ServiceContext } from './context';
import { editDetails, resetDetails } from '../library/article-edits';
import { setProgress } from '../library/read-mark';
import { reextractService } from './reextract';

export function articlesService(context: ServiceContext): ArticlesApi {
  const { library } = context;
  return {
    ...reextractService(context),

    async listArticles() {
      return library.list();
    },

    async getArticle(id: string) {
      const [meta, html] = await Promise.all([library.get(id), library.content(id)]);
      return { meta, html };
    },

    async updateArticle(id: string, patch: ArticlePatch) {
      return summarize(
        await library.update(id, (draft) => {
          const { progress, title, ...rest } = patch;
          Object.assign(draft, rest);
          if (title !== undefined) editDetails(draft, { title });
          if (progress !== undefined) setProgress(draft, progress);
        }),
      );
    },

    async editArticle(id, edits) {
      return summarize(await library.update(id, (draft) => editDetails(draft, edits)));
    },

    async resetArticleEdits(id, fields) {
      return summarize(await library.update(id, (draft) => resetDetails(draft, fields)));
    },

    async deleteArticle(id: string) {
      await library.trash(id);
    },

    async acceptRecovered(id: string) {
      return library.acceptRecovered(id);
    },
  };
}
