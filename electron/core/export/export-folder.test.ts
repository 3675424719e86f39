import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultExportFolder, EXPORTS_FOLDER_NAME } from './export-folder';

describe('defaultExportFolder', () => {
  let home: string;
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'lectern-home-'));
  });
  afterEach(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('is a folder in Downloads when there is one', async () => {
    await mkdir(join(home, 'Downloads'));
    expect(defaultExportFolder('/lib', home)).toBe(join(home, 'Downloads', EXPORTS_FOLDER_NAME));
  });

  it('is the library’s exports folder without a Downloads folder', () => {
    expect(defaultExportFolder('/lib', home)).toBe(join('/lib', 'exports'));
  });
});
