import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppApi } from '../../shared/api';
import { EventHub } from '../events';
import { useTempFolder } from '../fixtures/temp-folder';
import { Library } from '../library/library';
import { SearchEngine } from '../search/search-engine';
import { appService } from './app';

const temp = useTempFolder('lectern-app-service-', 'whole file');
let library: Library;
let service: AppApi;

beforeAll(async () => {
  library = await Library.open(temp.dir);
  service = appService({ library, search: new SearchEngine(library), events: new EventHub() });
});
afterAll(async () => {
  await library.close();
});

describe('appService', () => {
  it('names the library folder, the version and the template’s fields', async () => {
    const info = await service.getAppInfo();
    expect(info.libraryDir).toBe(temp.dir);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(info.markdownTemplate.fields).toHaveProperty('title');
    expect(info.markdownTemplate.builtIn).toContain('{{title}}');
  });

  it('keeps the options in the library, so they outlive the process', async () => {
    expect(await service.getLibraryOptions()).toEqual({ fetchImages: true, markdownTemplate: null });
    await service.updateLibraryOptions({ fetchImages: false, markdownTemplate: '# {{title}}\n' });
    await library.close();
    library = await Library.open(temp.dir);
    const reopened = appService({ library, search: new SearchEngine(library), events: new EventHub() });
    expect(await reopened.getLibraryOptions()).toEqual({
      fetchImages: false,
      markdownTemplate: '# {{title}}\n',
    });
  });

  it('refuses a template naming a field that does not exist, and keeps the old one', async () => {
    await expect(service.updateLibraryOptions({ markdownTemplate: '{{titel}}' })).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringContaining('titel'),
    });
  });
});
