import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { SCREEN_READER_ONLY, markScreenReaderText, visuallyHiddenClasses } from './screen-reader-text';

/** The visually hidden pattern as HTML5 Boilerplate and many sites write it. */
const PATTERN =
  'border:0;clip:rect(0 0 0 0);height:1px;margin:-1px;overflow:hidden;padding:0;position:absolute;width:1px;';

const styled = (css: string) => `<html><head><style>${css}</style></head><body></body></html>`;

describe('visuallyHiddenClasses', () => {
  it("reads the classes a page's own top-level rules hide from sight only", () => {
    const css = `<![CDATA[ @keyframes fade{from{opacity:0}to{opacity:1}} /* labels */ .lbl, .tag-label{${PATTERN}}
      .wp-text{clip: rect(1px, 1px, 1px, 1px) !important; clip-path: inset(50%); height: 1px; width: 1px; position: absolute !important;} ]]>`;
    expect(visuallyHiddenClasses(styled(css))).toEqual(['lbl', 'tag-label', 'wp-text']);
  });

  it('leaves out text hidden from everyone, boxes larger than a pixel, compound selectors and media rules', () => {
    const css = `.gone{${PATTERN}display:none} .unseen{${PATTERN}visibility:hidden} .thumb{position:absolute;width:40px;height:40px;overflow:hidden}
      p .in-text{${PATTERN}} .skip:not(:focus){${PATTERN}} @media (max-width: 600px){.narrow{${PATTERN}}}`;
    expect(visuallyHiddenClasses(styled(css))).toEqual([]);
  });

  it('follows a later rule that undoes the pattern, as the browser would', () => {
    expect(
      visuallyHiddenClasses(styled(`.lbl{${PATTERN}} .lbl{position:static;width:auto;height:auto}`)),
    ).toEqual([]);
  });
});

describe('markScreenReaderText', () => {
  const marked = (body: string, classes: string[] = []) => {
    const { document } = parseHTML(`<html><body>${body}</body></html>`) as unknown as { document: Document };
    markScreenReaderText(document, classes);
    return [...document.querySelectorAll(`[${SCREEN_READER_ONLY}]`)].map((element) => element.textContent);
  };

  it("marks the page's classes, the conventional ones and the inline pattern", () => {
    const body = `<span class="lbl">Photo</span><span class="sr-only">Opens in a new window</span>
      <span class="visually-hidden">Credit</span><span style="${PATTERN}">Chart</span><span class="note">Seen</span>`;
    expect(marked(body, ['lbl'])).toEqual(['Photo', 'Opens in a new window', 'Credit', 'Chart']);
  });

  it('marks nothing hidden from screen readers too', () => {
    const body = `<span class="lbl" aria-hidden="true">Photo</span><span class="sr-only" hidden>Menu</span>
      <span class="sr-only" style="display: none">Close</span>`;
    expect(marked(body, ['lbl'])).toEqual([]);
  });
});
