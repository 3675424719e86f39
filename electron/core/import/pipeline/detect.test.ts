import { describe, expect, it } from 'vitest';
import { LecternError } from '../../../shared/errors';
import { extensionOf } from '../../../shared/importable-files';
import { detectKind, type ImportKind } from './detect';
import { itReturns } from '../../../shared/testing/returns';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52];
const ZIP = [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0];
const PDF = [...new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n')];
const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46];
const BINARY = [0x41, 0x42, 0x00, 0x43, 0x01, 0x02, 0x44];

const bytes = (value: string | number[]) =>
  typeof value === 'string' ? new TextEncoder().encode(value) : Uint8Array.from(value);

function refusal(content: string | number[], name: string, mime = ''): LecternError {
  try {
    detectKind(bytes(content), name, mime);
  } catch (error) {
    expect(error).toBeInstanceOf(LecternError);
    return error as LecternError;
  }
  throw new Error(`${name} was accepted`);
}

describe('detectKind', () => {
  it.each<[string, string | number[], string, ImportKind, string?]>([
    ['an .html page', '<!doctype html><p>Hi</p>', 'page.html', 'html'],
    ['an .htm page', '<html><body>Hi</body></html>', 'page.htm', 'html'],
    ['an upper-case .HTML name', '<p>Hi</p>', 'PAGE.HTML', 'html'],
    ['an .xhtml page', '<?xml version="1.0"?><html/>', 'page.xhtml', 'html'],
    ['an unknown extension holding a doctype', '<!DOCTYPE html>\n<p>Hi</p>', 'saved.page', 'html'],
    ['an unknown extension holding <html>', '\n  <html lang="en"><body>x</body></html>', 'saved.xyz', 'html'],
    ['no extension holding a page', '<!-- saved --><html><body>x</body></html>', 'README', 'html'],
    ['an unknown extension reported as text/html', 'just words', 'download.php', 'html', 'text/html'],
    ['a UTF-8 BOM before the doctype', '\ufeff<!doctype html><p>x</p>', 'saved.asp', 'html'],
    ['a .txt file', 'Some words\n\nMore words', 'notes.txt', 'text'],
    ['a .txt file holding markup', '<html><body>shown as text</body></html>', 'notes.txt', 'text'],
    ['a .text file', 'Some words', 'notes.text', 'text'],
    ['no extension', 'Plain words, no extension at all.', 'README', 'text'],
    ['a dot-file name with no extension', 'Plain words.', '.notes', 'text'],
    ['an unknown extension reported as text/plain', 'Plain words.', 'notes.log', 'text', 'text/plain'],
    ['UTF-16LE text, whose NUL bytes are not binary', [0xff, 0xfe, 0x48, 0, 0x69, 0], 'notes.txt', 'text'],
    ['UTF-16BE text', [0xfe, 0xff, 0, 0x48, 0, 0x69], 'README', 'text'],
    ['a PDF', PDF, 'paper.pdf', 'pdf'],
    ['a PDF with no extension', PDF, 'download', 'pdf'],
    ['an EPUB', ZIP, 'book.epub', 'epub'],
    ['an .mhtml file', 'From: <Saved by Blink>\r\nContent-Type: multipart/related;', 'page.mhtml', 'mhtml'],
    ['an .mht with any content', 'MIME-Version: 1.0', 'page.mht', 'mhtml'],
    ['MHTML with no extension', 'MIME-Version: 1.0\r\nContent-Type: multipart/related', 'saved', 'mhtml'],
    ['Markdown', '# Title', 'notes.md', 'markdown'],
    ['a .url link file', '[InternetShortcut]\nURL=https://example.com/', 'link.url', 'link'],
    ['a binary .webloc', BINARY, 'link.webloc', 'link'],
    ['a .desktop link', '[Desktop Entry]\nType=Link\nURL=https://example.com/', 'link.desktop', 'link'],
  ])('reads %s as %s', (_label, content, name, kind, mime = '') => {
    expect(detectKind(bytes(content), name, mime)).toBe(kind);
  });

  it.each<[string, string | number[], string, string]>([
    ['a PNG named .png', PNG, 'x.png', 'x.png is a PNG image, not a web page or text.'],
    ['a PNG named .html', PNG, 'x.html', 'x.html is named like a web page but holds a PNG image.'],
    ['a PNG named .txt', PNG, 'x.txt', 'x.txt is named like a text file but holds a PNG image.'],
    ['a JPEG with no extension', JPEG, 'photo', 'photo is a JPEG image, not a web page or text.'],
    ['a zip archive', ZIP, 'archive.zip', 'archive.zip is a zip archive, not a web page or text.'],
    ['a .docx (a zip inside)', ZIP, 'letter.docx', 'letter.docx is a zip archive, not a web page or text.'],
    ['a PDF named .htm', PDF, 'paper.htm', 'paper.htm is named like a web page but holds a PDF document.'],
    ['binary data', BINARY, 'blob.bin', 'blob.bin is binary data, not a web page or text.'],
    [
      'binary data named .html',
      BINARY,
      'blob.html',
      'blob.html is named like a web page but holds binary data.',
    ],
    [
      'plain text with an unknown extension',
      'Dear reader, this is plain text.',
      'letter.docx',
      'letter.docx is not a kind of file Lectern reads.',
    ],
  ])('refuses %s as unsupported-type, naming the file', (_label, content, name, start) => {
    const error = refusal(content, name);
    expect(error.code).toBe('unsupported-type');
    expect(error.message.startsWith(start)).toBe(true);
    expect(error.message).toMatch(/\.$/);
  });

  it.each<[string, string | number[], string]>([
    ['a 0-byte file', [], 'empty.html'],
    ['spaces only', '     ', 'blank.txt'],
    ['whitespace of every kind', ' \n\t\r\n \t', 'blank.htm'],
    ['newlines with no extension', '\n\n\n', 'README'],
  ])('refuses %s as empty-file, naming the file', (_label, content, name) => {
    const error = refusal(content, name);
    expect(error.code).toBe('empty-file');
    expect(error.message).toBe(`${name} is empty: there is nothing in it to import.`);
  });

  it('judges by content even when the MIME type claims HTML', () => {
    const error = refusal(PNG, 'x.html', 'text/html');
    expect(error.code).toBe('unsupported-type');
    expect(error.message).toContain('holds a PNG image');
  });
});

describe('extensionOf', () => {
  itReturns(extensionOf, 'gives %j the extension %j', [
    ['page.html', 'html'],
    ['ARCHIVE.TAR.GZ', 'gz'],
    ['README', ''],
    ['.bashrc', ''],
    ['trailing.', ''],
  ]);
});
