/** Schema pieces used by more than one feature's argument schemas. */
import * as v from 'valibot';
import { ARTICLE_ID_PATTERN } from '../ids';

export const articleId = v.pipe(v.string(), v.regex(ARTICLE_ID_PATTERN, 'is not an article id'));

/** Argument schemas for one feature's interface: a method without one does not compile. */
export type ArgsSchemas<Api> = {
  [K in keyof Api]: Api[K] extends (...args: infer A) => unknown ? v.GenericSchema<unknown, A> : never;
};
