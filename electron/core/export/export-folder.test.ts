import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../fixtures/temp-folder';
import { defaultExportFolder, EXPORTS_FOLDER_NAME } from './export-folder';

describe('defaultExportFolder', () => {
  const temp = useTempFolder('lectern-home-');

  it('is a folder in Downloads when there is one', async () => {
    await mkdir(join(temp.dir, 'Downloads'));
    expect(defaultExportFolder('/lib', temp.dir)).toBe(join(temp.dir, 'Downloads', EXPORTS_FOLDER_NAME));
  });

  it('is the library’s exports folder without a Downloads folder', () => {
    expect(defaultExportFolder('/lib', temp.dir)).toBe(join('/lib', 'exports'));
  });
});
