import * as v from 'valibot';
import type { SearchApi } from '../api/search';
import { articleId, type ArgsSchemas } from './common';

const query = v.pipe(v.string(), v.maxLength(2000, 'is longer than 2,000 characters'));
const viewName = v.pipe(v.string(), v.trim(), v.minLength(1, 'needs a name'), v.maxLength(200));

export const searchArgs: ArgsSchemas<SearchApi> = {
  search: v.strictTuple([query]),
  searchSnippets: v.strictTuple([query, v.pipe(v.array(articleId), v.maxLength(500))]),
  listViews: v.strictTuple([]),
  saveView: v.strictTuple([viewName, v.pipe(query, v.trim(), v.minLength(1, 'needs a query'))]),
  deleteView: v.strictTuple([viewName]),
};
