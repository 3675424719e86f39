// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { serializeDocument, serializeFragment } from './serialize-document';

const GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
const BASE = 'https://news.example/story/';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('serializeDocument', () => {
  beforeEach(() => {
    document.documentElement.innerHTML = '<head><title>Story</title></head><body></body>';
  });

  it('flattens open shadow roots into the page, slots filled as rendered', () => {
    const host = document.createElement('article-card');
    host.innerHTML = '<span slot="title">Ferry letters</span><p>Light paragraph</p>';
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML =
      '<h2><slot name="title">Untitled</slot></h2><section><slot></slot></section><p>Written in the shadow</p><footer><slot name="none">Fallback note</slot></footer>';
    document.body.append(host);

    const { html } = serializeDocument(document, BASE);

    expect(html).toContain('<h2><span slot="title">Ferry letters</span></h2>');
    expect(html).toContain('<section><p>Light paragraph</p></section>');
    expect(html).toContain('<p>Written in the shadow</p>');
    expect(html).toContain('<footer>Fallback note</footer>');
    expect(html).not.toContain('<slot');
  });

  it('keeps what was typed into text fields, never a password', () => {
    document.body.innerHTML =
      '<textarea id="t">default</textarea><input id="i" value="old"><input id="p" type="password"><input id="c" type="checkbox"><select id="s"><option>a</option><option>b</option></select>';
    (document.getElementById('t') as HTMLTextAreaElement).value = 'typed into the box';
    (document.getElementById('i') as HTMLInputElement).value = 'new value';
    (document.getElementById('p') as HTMLInputElement).value = 'hunter2';
    (document.getElementById('c') as HTMLInputElement).checked = true;
    (document.getElementById('s') as HTMLSelectElement).selectedIndex = 1;

    const { html } = serializeDocument(document, BASE);

    expect(html).toContain('<textarea id="t">typed into the box</textarea>');
    expect(html).toContain('<input id="i" value="new value">');
    expect(html).not.toContain('hunter2');
    expect(html).toContain('<input id="c" type="checkbox" checked="">');
    expect(html).toContain('<option selected="">b</option>');
  });

  it('gives each image one absolute source and lists each address once', () => {
    document.body.innerHTML = `
      <img id="lazy" src="${GIF}" data-src="/photos/lazy.jpg" loading="lazy">
      <img id="set" srcset="small.jpg 300w, large.jpg 1600w" sizes="50vw">
      <picture><source data-srcset="/p-800.webp 800w"><img id="pic" src="${GIF}"></picture>
      <img id="again" src="/photos/lazy.jpg">
      <img id="blank" src="${GIF}">`;

    const { html, images } = serializeDocument(document, BASE);
    const copy = parse(html);

    expect(copy.getElementById('lazy')?.outerHTML).toBe(
      '<img id="lazy" src="https://news.example/photos/lazy.jpg">',
    );
    expect(copy.getElementById('set')?.getAttribute('src')).toBe('https://news.example/story/large.jpg');
    expect(copy.getElementById('pic')?.getAttribute('src')).toBe('https://news.example/p-800.webp');
    expect(copy.querySelector('source')).toBeNull();
    expect(copy.getElementById('blank')?.getAttribute('src')).toBe(GIF);
    expect(images).toEqual([
      { url: 'https://news.example/photos/lazy.jpg', part: 'image-0' },
      { url: 'https://news.example/story/large.jpg', part: 'image-1' },
      { url: 'https://news.example/p-800.webp', part: 'image-2' },
    ]);
  });

  it('leaves out scripts and noscript, and makes links absolute', () => {
    document.body.innerHTML =
      '<script>var x = 1;</script><noscript><img src="/ns.jpg"></noscript><a href="../other">next</a><a href="#top">top</a>';

    const { html } = serializeDocument(document, BASE);

    expect(html).not.toContain('var x');
    expect(html).not.toContain('ns.jpg');
    expect(html).toContain('<a href="https://news.example/other">next</a>');
    expect(html).toContain('<a href="#top">top</a>');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  });
});

describe('serializeDocument: canvases and frames', () => {
  beforeEach(() => {
    document.documentElement.innerHTML = '<head><title>Story</title></head><body></body>';
  });

  it('turns a canvas into an image of its pixels, and leaves out one it cannot read', () => {
    document.body.innerHTML =
      '<canvas id="chart" class="wide" width="300" height="150" aria-label="Tide heights"></canvas><canvas id="tainted" width="10" height="10"></canvas><canvas id="empty" width="0" height="0"></canvas>';
    // jsdom draws nothing: the browser's answers stand in, a PNG for a canvas it can read and a SecurityError for a tainted one.
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    (document.getElementById('chart') as HTMLCanvasElement).toDataURL = () => png;
    (document.getElementById('tainted') as HTMLCanvasElement).toDataURL = () => {
      throw new DOMException('The canvas has been tainted by cross-origin data.', 'SecurityError');
    };

    const { html, images } = serializeDocument(document, BASE);
    const copy = parse(html);

    expect(copy.getElementById('chart')?.outerHTML).toBe(
      `<img id="chart" class="wide" src="${png}" width="300" height="150" alt="Tide heights">`,
    );
    expect(copy.querySelector('canvas')).toBeNull();
    expect(copy.getElementById('tainted')).toBeNull();
    // A data address needs no fetching: its bytes are in the HTML.
    expect(images).toEqual([]);
  });

  it('copies a same-origin frame’s document in its place, against the frame’s address', () => {
    document.body.innerHTML = '<p>Before the frame</p><iframe id="embedded"></iframe><p>After it</p>';
    const frame = (document.getElementById('embedded') as HTMLIFrameElement).contentDocument as Document;
    frame.body.innerHTML =
      '<p>Written inside the frame</p><img data-src="/frame/chart.png" src=""><script>var inFrame = 1;</script>';

    const { html, images } = serializeDocument(document, BASE);

    expect(html).toContain(
      '<p>Before the frame</p><div><p>Written inside the frame</p><img src="https://news.example/frame/chart.png"></div><p>After it</p>',
    );
    expect(html).not.toContain('inFrame');
    expect(html).not.toContain('<iframe');
    expect(images).toEqual([{ url: 'https://news.example/frame/chart.png', part: 'image-0' }]);
  });

  it('gives a figure whose picture is a CSS background that picture as an image', () => {
    document.body.innerHTML = `
      <figure id="cropped"><div class="crop" style="background-image: url('/photos/ferry.jpg')"></div><figcaption>The ferry</figcaption></figure>
      <figure id="own"><div style="background-image: url('/photos/texture.png')"><img src="/photos/own.jpg"></div></figure>
      <div id="decor" style="background-image: url('/photos/pattern.png')"><p>Text</p></div>`;

    const { html, images } = serializeDocument(document, BASE);
    const copy = parse(html);

    expect(copy.querySelector('#cropped .crop img')?.getAttribute('src')).toBe(
      'https://news.example/photos/ferry.jpg',
    );
    expect(copy.querySelectorAll('#own img')).toHaveLength(1);
    expect(copy.querySelector('#decor img')).toBeNull();
    expect(images.map((image) => image.url)).toEqual([
      'https://news.example/photos/ferry.jpg',
      'https://news.example/photos/own.jpg',
    ]);
  });

  it('keeps a frame it cannot read as a frame', () => {
    document.body.innerHTML = '<iframe id="other" src="https://elsewhere.example/widget"></iframe>';
    Object.defineProperty(document.getElementById('other'), 'contentDocument', { value: null });

    const { html } = serializeDocument(document, BASE);

    expect(html).toContain('<iframe id="other" src="https://elsewhere.example/widget"></iframe>');
  });
});

describe('serializeFragment', () => {
  it('serializes a copied selection with its images picked', () => {
    document.body.innerHTML = `<p id="a">First <b>bold</b> words</p><p>Then <img data-src="/in-selection.png" src="${GIF}"></p>`;
    const range = document.createRange();
    range.setStart(document.getElementById('a')?.firstChild as Node, 0);
    range.setEnd(document.body, 2);

    const { html, images } = serializeFragment(range.cloneContents(), BASE);

    expect(html).toBe(
      '<p id="a">First <b>bold</b> words</p><p>Then <img src="https://news.example/in-selection.png"></p>',
    );
    expect(images).toEqual([{ url: 'https://news.example/in-selection.png', part: 'image-0' }]);
  });
});
