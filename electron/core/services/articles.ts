/** ArticlesApi over the library. Arguments arrive validated (dispatch.ts). */
import type { ArticlePatch, ArticlesApi } from '../../shared/api';
import { summarize } from '../../shared/article';
import type { ServiceContext } from './context';
import { setProgress } from '../library/read-mark';

export function articlesService({ library }: ServiceContext): ArticlesApi {
  return {
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
          const { progress, ...rest } = patch;
          Object.assign(draft, rest);
          if (progress !== undefined) setProgress(draft, progress);
        }),
      );
    },

    async deleteArticle(id: string) {
      await library.trash(id);
    },

    async acceptRecovered(id: string) {
      return library.acceptRecovered(id);
    },
  };
}
