import { describe, expect, it } from 'vitest';
import { LecternError } from '../../../shared/errors';
import { MAX_ATTRIBUTES, MAX_ATTRIBUTES_PER_ELEMENT, MAX_NESTING } from '../../../shared/limits';
import { checkMarkup } from './nesting';

const deep = (open: string, close = '') => open.repeat(MAX_NESTING + 1) + close.repeat(MAX_NESTING + 1);

function refusal(html: string): string | null {
  try {
    checkMarkup(html, 'page.html');
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(LecternError);
    return (error as LecternError).message;
  }
}

describe('checkMarkup', () => {
  const nesting = `page.html nests its markup more than ${MAX_NESTING} levels deep, which no article needs; Lectern did not read it.`;
  const cases: [string, string, string | null][] = [
    ['ordinary markup', '<div><p>One<p>Two<ul><li>a<li>b</ul></div>', null],
    ['deep divs', deep('<div>', '</div>'), nesting],
    ['exactly the limit', '<div>'.repeat(MAX_NESTING), null],
    ['divs closed as they go', '<div></div>'.repeat(MAX_NESTING * 3), null],
    ['<div/>, which HTML does not close', '<div/>'.repeat(MAX_NESTING + 1), nesting],
    ['<div />, with a space', '<div class="x" />'.repeat(MAX_NESTING + 1), nesting],
    ['void elements with a slash', '<br/><img src="a.png"/><hr />'.repeat(MAX_NESTING), null],
    ['implicitly closed elements', '<p>x<li>y<td>z'.repeat(MAX_NESTING), null],
    ['self-closing inside svg', `<svg>${'<path d="M0 0"/>'.repeat(MAX_NESTING + 1)}</svg>`, null],
    ['self-closing after svg ends', `<svg><g/></svg>${'<div/>'.repeat(MAX_NESTING + 1)}`, nesting],
    ['a self-closed svg', '<svg/>'.repeat(MAX_NESTING + 1), null],
    ['tags inside a comment', `<!--${'<div>'.repeat(MAX_NESTING + 1)}-->`, null],
    ['tags inside a script', `<script>${'<div>'.repeat(MAX_NESTING + 1)}</script>`, null],
    ['tags after a script ends', `<SCRIPT>x</Script >${deep('<div>')}`, nesting],
    ['tags inside a title', `<title>${'<b>'.repeat(MAX_NESTING + 1)}</title>`, null],
    ['"/>" inside a quoted value', `${'<div title="a/>b">'.repeat(MAX_NESTING + 1)}`, nesting],
    ['">" inside a quoted value', `${'<div title=">">'.repeat(MAX_NESTING + 1)}`, nesting],
    ['an unclosed quote swallows the rest', `<div title="${'<div>'.repeat(MAX_NESTING + 1)}`, null],
    [
      'end tags of uncounted elements',
      `${'<div>'.repeat(MAX_NESTING)}${'</p></li>'.repeat(50)}<div>`,
      nesting,
    ],
    ['stray end tags do not go below zero', `${'</div>'.repeat(50)}${'<div>'.repeat(MAX_NESTING)}`, null],
    ['a lone "<" and a doctype', `<!doctype html>${'a < b '.repeat(MAX_NESTING + 1)}<?xml x?>`, null],
    ['a tag that never ends', `<a${'x'.repeat(1024 * 1024)}`, null],
    ['an attribute name that never ends', `<a ${'x'.repeat(1024 * 1024)}`, null],
    ['an unquoted value that never ends', `<a href=${'x'.repeat(1024 * 1024)}`, null],
    [
      'too many attributes on one element',
      `<div ${Array.from({ length: MAX_ATTRIBUTES_PER_ELEMENT + 1 }, (_, i) => `a${i}=1`).join(' ')}>`,
      `page.html has an element with more than ${MAX_ATTRIBUTES_PER_ELEMENT} attributes, which no article needs; Lectern did not read it.`,
    ],
    [
      'as many attributes as allowed, valueless and quoted',
      `<div ${Array.from({ length: MAX_ATTRIBUTES_PER_ELEMENT }, (_, i) => (i % 2 ? `a${i}` : `a${i}='v'`)).join(' ')}>`,
      null,
    ],
    [
      'too many attributes in the page',
      '<i a b c d e f g h i j></i>'.repeat(MAX_ATTRIBUTES / 10 + 1),
      `page.html carries more than ${MAX_ATTRIBUTES} attributes, which no article needs; Lectern did not read it.`,
    ],
  ];
  it.each(cases)('%s', (_, html, expected) => {
    expect(refusal(html)).toBe(expected);
  });
});
