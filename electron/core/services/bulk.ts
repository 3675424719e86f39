/** BulkApi: many articles at once, and undo through restoreStates. */
import type { ArticleState, BulkApi, BulkPatch } from '../../shared/api';
import type { ServiceContext } from './context';
import { changeMany } from './change-many';
import { markRead, setProgress } from '../library/read-mark';

function sameState(a: ArticleState, b: Omit<ArticleState, 'id'>): boolean {
  return (
    a.status === b.status &&
    a.favorite === b.favorite &&
    a.progress === b.progress &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => tag === b.tags[i])
  );
}

export function bulkService({ library, events }: ServiceContext): BulkApi {
  return {
    async updateArticles(ids: string[], patch: BulkPatch) {
      return changeMany(library, events, ids, (meta) => {
        const before = { ...meta, tags: meta.tags };
        if (patch.status !== undefined) meta.status = patch.status;
        if (patch.favorite !== undefined) meta.favorite = patch.favorite;
        if (patch.read !== undefined) markRead(meta, patch.read);
        if (sameState({ ...before, id: meta.id }, meta)) return false;
      });
    },

    async restoreStates(states: ArticleState[]) {
      const byId = new Map(states.map((state) => [state.id, state]));
      return changeMany(library, events, [...byId.keys()], (meta) => {
        const state = byId.get(meta.id) as ArticleState;
        if (sameState(state, meta)) return false;
        meta.status = state.status;
        meta.favorite = state.favorite;
        meta.tags = [...state.tags];
        setProgress(meta, state.progress);
      });
    },
  };
}
