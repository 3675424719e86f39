import { describe, expect, it } from 'vitest';
import { assertWellFormed, toXhtmlBody, xhtmlPage } from './xhtml';

const noImages = () => null;

describe('toXhtmlBody', () => {
  it('writes void elements and entities as well-formed XML', () => {
    expect(toXhtmlBody('<p>a<br>b &amp; c&nbsp;d</p><hr>', noImages)).toBe(
      '<p>a<br />b &amp; c\u00a0d</p><hr />',
    );
  });

  it('unwraps elements XHTML content does not allow and drops unknown attributes', () => {
    expect(toXhtmlBody('<p><font color="red">x</font><time datetime="z">t</time></p><td>', noImages)).toBe(
      '<p>xt</p>',
    );
    expect(toXhtmlBody('<p data-x="1" align="left" id="ok">x</p>', noImages)).toBe('<p id="ok">x</p>');
  });

  it('keeps in-page links whose target exists, and drops invalid or duplicate ids', () => {
    const out = toXhtmlBody(
      '<h2 id="a">A</h2><h2 id="a">B</h2><p id="1x"><a href="#a">to a</a> <a href="#gone">x</a> <a href="page.html">y</a></p>',
      noImages,
    );
    expect(out).toBe('<h2 id="a">A</h2><h2>B</h2><p><a href="#a">to a</a> <a>x</a> <a>y</a></p>');
  });

  it('points stored images at the book and turns the rest into their alt text', () => {
    const image = (name: string) => (name.endsWith('.png') ? `../images/${name}` : null);
    expect(
      toXhtmlBody(
        '<img src="assets/0123456789abcdef.png"><img src="assets/0123456789abcdef.webp" alt="W">',
        image,
      ),
    ).toBe('<img src="../images/0123456789abcdef.png" alt="" />W');
  });
});

describe('xhtmlPage', () => {
  it('makes a page an XML parser accepts, and refuses malformed markup', () => {
    expect(() => xhtmlPage('A & B', 'en', toXhtmlBody('<p>x<b>y</p>', noImages), null)).not.toThrow();
    expect(() => assertWellFormed('<html><p></html>')).toThrow(/malformed XML/);
  });
});
