/**
 * The single entry point that both transports call: checks the method name
 * and validates the arguments against the contract's schemas, then runs the
 * method. Always resolves, with the value or a SerializedError, so a
 * transport never has to know what can go wrong.
 */
import * as v from 'valibot';
import type { CallResult, LecternApi } from '../shared/api';
import { LecternError, serializeError } from '../shared/errors';
import { apiArgs } from '../shared/schemas';
import { logUnexpected } from './log';

export type Dispatch = (method: string, args: unknown) => Promise<CallResult>;

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
  return path ? `${path}: ${issue.message}` : issue.message;
}

export function createDispatch(api: LecternApi): Dispatch {
  return async (method, args) => {
    try {
      if (!Object.hasOwn(apiArgs, method)) {
        throw new LecternError('invalid-argument', `Lectern has no operation called “${method}”.`);
      }
      const name = method as keyof LecternApi;
      const parsed = v.safeParse(apiArgs[name], args);
      if (!parsed.success) {
        throw new LecternError(
          'invalid-argument',
          `Lectern received a malformed request (${name}: ${describeIssue(parsed.issues[0])}).`,
        );
      }
      const fn = api[name] as (...a: unknown[]) => Promise<unknown>;
      return { ok: true, value: await fn.apply(api, parsed.output as unknown[]) };
    } catch (error) {
      logUnexpected(error);
      return { ok: false, error: serializeError(error) };
    }
  };
}
