import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../fixtures/temp-folder';
import { parse as parseYaml } from 'yaml';
import { useFixtureLibrary } from './fixture-library';
import { END_MARKER, exportMarkdown, markdownTemplate } from './markdown';

const fixture = useFixtureLibrary();
const work = useTempFolder('lectern-markdown-', 'whole file');

function splitFrontMatter(text: string): { yaml: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error('no front matter');
  return { yaml: parseYaml(match[1] as string) as Record<string, unknown>, body: match[2] as string };
}

async function fileFor(folder: string, id: string): Promise<string> {
  const name = (await readdir(folder)).find((n) => n.endsWith(`(${id.slice(-8)}).md`));
  if (!name) throw new Error(`no file for ${id}`);
  return readFile(join(folder, name), 'utf8');
}

describe('exportMarkdown', () => {
  it('writes front matter a YAML parser reads, the note, and highlights in document order', async () => {
    const { library, page } = fixture();
    const folder = join(work.dir, 'plain');
    const result = await exportMarkdown(library, [page], folder);
    expect(result).toEqual({ written: 1, skipped: [] });
    expect(await readdir(folder)).toEqual([`Keepers of the Light (${page.slice(-8)}).md`]);
    const { yaml, body } = splitFrontMatter(await fileFor(folder, page));
    const meta = await library.get(page);
    expect(yaml).toEqual({
      title: 'Keepers of the Light',
      author: 'Ada Byron',
      site: 'Sea Notes',
      url: 'https://example.com/keepers?a=1&b=2',
      published: meta.published,
      saved: meta.addedAt,
      tags: ['work', 'sea/keepers'],
      state: 'archived',
      lectern: page,
    });
    expect(body).toContain('## Note\n\nMy note on *keepers*.\n\nSecond paragraph.');
    const first = body.indexOf('> quiet sentence');
    const second = body.indexOf('> the sea and its keepers');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(body).toContain(`— green · [open in Lectern](lectern://open?id=${page}&highlight=h2)`);
    expect(body).toContain('A note, "with quotes"\nand a line break');
    expect(body.trimEnd().endsWith(END_MARKER)).toBe(true);
  });

  it('includes the text as Markdown and copies its images beside it', async () => {
    const { library, page } = fixture();
    const folder = join(work.dir, 'text');
    await exportMarkdown(library, [page], folder, { includeText: true });
    const text = await fileFor(folder, page);
    expect(text).toContain('## Text');
    expect(text).toContain('## The *second* part');
    const image = /!\[A lighthouse\]\((assets\/[^)]+)\)/.exec(text);
    expect(image).not.toBeNull();
    expect((await readFile(join(folder, image?.[1] as string))).length).toBeGreaterThan(0);
  });

  it('keeps what the person wrote below the marker when exporting again, and follows a new title', async () => {
    const { library, book } = fixture();
    const folder = join(work.dir, 'again');
    await exportMarkdown(library, [book], folder);
    const [name] = await readdir(folder);
    const mine = '\n\nMy own thoughts.\n- with a list\n';
    await writeFile(join(folder, name as string), (await fileFor(folder, book)).replace(/\n$/, '') + mine);
    await writeFile(join(folder, 'Unrelated.md'), 'not ours');
    await library.update(book, (meta) => {
      meta.title = 'Tides, Renamed';
      meta.note = 'Added later.';
    });
    await exportMarkdown(library, [book], folder);
    expect((await readdir(folder)).sort()).toEqual([`Tides, Renamed (${book.slice(-8)}).md`, 'Unrelated.md']);
    const text = await fileFor(folder, book);
    expect(text).toContain('Added later.');
    expect(text.endsWith(`${END_MARKER}${mine}`)).toBe(true);
    expect(await readFile(join(folder, 'Unrelated.md'), 'utf8')).toBe('not ours');
  });

  it('leaves a file alone, and says so, when its marker line was removed', async () => {
    const { library, page } = fixture();
    const folder = join(work.dir, 'no-marker');
    await exportMarkdown(library, [page], folder);
    const [name] = await readdir(folder);
    const edited = (await fileFor(folder, page)).replace(END_MARKER, 'my words');
    await writeFile(join(folder, name as string), edited);
    const result = await exportMarkdown(library, [page], folder);
    expect(result).toEqual({ written: 0, skipped: [name] });
    expect(await fileFor(folder, page)).toBe(edited);
  });

  it('renders a custom template and refuses one naming an unknown field', async () => {
    const { library, page } = fixture();
    const folder = join(work.dir, 'template');
    await exportMarkdown(library, [page], folder, {
      template:
        '{{title}} by {{author}}\n{{#highlights}}\n* {{exact}} ({{color}})\n{{/highlights}}\n{{^text}}no text{{/text}}\n',
    });
    expect(await fileFor(folder, page)).toBe(
      `Keepers of the Light by Ada Byron\n* quiet sentence (yellow)\n* the sea and its keepers (green)\nno text\n\n${END_MARKER}\n`,
    );
    expect(() => markdownTemplate('{{titel}}')).toThrow(
      /names \{\{titel\}\}, which is not one of the fields/,
    );
    expect(() => markdownTemplate('{{#highlights}}x')).toThrow(/never closed/);
  });

  it('says clearly when the output folder cannot be written', async () => {
    const file = join(work.dir, 'a-file');
    await writeFile(file, '');
    await expect(exportMarkdown(fixture().library, [fixture().page], join(file, 'sub'))).rejects.toThrow(
      /could not write the export to .*a-file/,
    );
  });
});
