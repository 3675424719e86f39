/**
 * The local web site a spec file fetches links from: started before the
 * file's first test and closed after its last, so one server answers them all.
 */
import { startTestSite, type TestSite } from '../../electron/core/import/fixtures/web-server';
import { test } from './lectern';

/** Call at the top of a spec file; the site answers from its first test on. */
export function useTestSite(): Pick<TestSite, 'url' | 'requests'> {
  let site: TestSite | undefined;
  test.beforeAll(async () => {
    site = await startTestSite();
  });
  test.afterAll(async () => {
    await site?.close();
  });
  const started = (): TestSite => {
    if (!site) throw new Error('the test site starts before the first test');
    return site;
  };
  return {
    url: (path) => started().url(path),
    get requests() {
      return started().requests;
    },
  };
}
