/** Schema pieces used by more than one feature's argument schemas. */
import * as v from 'valibot';
import { ARTICLE_ID_PATTERN } from '../ids';

export const articleId = v.pipe(v.string(), v.regex(ARTICLE_ID_PATTERN, 'is not an article id'));

/** Ids for a bulk action: at least one, no more than a library holds. */
export const articleIds = v.pipe(
  v.array(articleId),
  v.minLength(1, 'names no article'),
  v.maxLength(100_000),
);

/** Argument schemas for one feature's interface: a method without one does not compile. */
export type ArgsSchemas<Api> = {
  [K in keyof Api]: Api[K] extends (...args: infer A) => unknown ? v.GenericSchema<unknown, A> : never;
};
