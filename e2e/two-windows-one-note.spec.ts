import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleMeta } from '../electron/shared/article';
import { expect, test } from './support/lectern';
import { notebook, openReaderArticle } from './support/reader';

async function storedNote(libraryDir: string): Promise<string> {
  const [id] = await readdir(join(libraryDir, 'articles'));
  const meta = JSON.parse(
    await readFile(join(libraryDir, 'articles', id as string, 'article.json'), 'utf8'),
  ) as ArticleMeta;
  return meta.note;
}

test('two windows on one note: each sees the other’s saves, and a clash loses no words', async ({
  lectern,
}) => {
  test.skip(process.env.LECTERN_E2E_SHELL === 'electron', 'opens a second page of the browser shell');
  test.slow();
  const a = lectern.page;
  await openReaderArticle(a);
  const b = await a.context().newPage();
  await b.goto(a.url());
  const noteIn = (page: typeof a) => notebook(page).getByRole('textbox', { name: 'Article note' });
  const savedIn = (page: typeof a) => notebook(page).getByRole('status').filter({ hasText: 'Saved' });

  // B writes; A, which is not writing, shows it as soon as it is saved.
  await noteIn(b).click();
  await noteIn(b).pressSequentially('Tide tables first.');
  await expect(savedIn(b)).toBeVisible();
  await expect(noteIn(a)).toHaveValue('Tide tables first.');

  // A starts writing over that; its save is held on the way until B has saved again.
  let releaseA: () => void = () => undefined;
  const bSaved = new Promise<void>((resolve) => (releaseA = resolve));
  await a.route('**/api/call/setArticleNote', async (route) => {
    await bSaved;
    await route.continue();
  });
  await noteIn(a).click();
  await noteIn(a).press('End');
  await noteIn(a).pressSequentially(' Then the causeway.');
  await noteIn(b).press('End');
  await noteIn(b).pressSequentially(' Boots!');
  await noteIn(b).press('Escape');
  await expect.poll(() => storedNote(lectern.libraryDir)).toBe('Tide tables first. Boots!');
  releaseA();

  // A's save was made on the older note: A is asked, with both texts shown.
  const conflict = notebook(a).getByRole('group', { name: 'Note changed in another window' });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByTestId('note-mine')).toHaveText('Tide tables first. Then the causeway.');
  await expect(conflict.getByTestId('note-theirs')).toHaveText('Tide tables first. Boots!');
  expect(await storedNote(lectern.libraryDir)).toBe('Tide tables first. Boots!');

  await conflict.getByRole('button', { name: 'Keep both' }).click();
  const both = 'Tide tables first. Then the causeway.\n\n---\n\nTide tables first. Boots!';
  await expect.poll(() => storedNote(lectern.libraryDir)).toBe(both);
  await expect(noteIn(a)).toHaveValue(both);
  await expect(savedIn(a)).toBeVisible();
  // B, no longer writing, shows the note both now keep.
  await expect(notebook(b).getByRole('separator')).toBeVisible();
  await expect(notebook(b).getByText('Then the causeway.')).toBeVisible();
});
