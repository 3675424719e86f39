/**
 * The web site the clipper spec clips, on 127.0.0.1 beside Lectern: pages
 * whose article is written by a script after load, an image served only to a
 * browser holding the cookie the page's script set, lazy images named by
 * data-src and srcset, a figure's CSS background picture, a chart drawn on a
 * canvas, a same-origin frame, a
 * page of about 5 MB, and a page with nothing to read, which Lectern refuses.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pngBytes } from '../../electron/core/import/fixtures/images';
import { articlePage } from '../../electron/core/import/fixtures/web-server';

export const SCRIPT_TEXT = 'This paragraph was written by the page’s own script after it loaded';
export const SHADOW_TEXT = 'A web component drew this sentence inside its shadow root';
export const FRAME_TEXT = 'This passage lives in a frame from the same site';
export const COOKIE = 'clip_session=granted';
/** Each image's bytes are distinct, so the spec can tell which one Lectern stored. */
export const IMAGES = {
  '/members/tide-chart.png': pngBytes(41),
  '/lazy/harbour.png': pngBytes(42),
  '/srcset/small.png': pngBytes(43),
  '/srcset/large.png': pngBytes(44),
  '/cropped/lighthouse.png': pngBytes(45),
} as const;
const PLACEHOLDER = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
const LONG_PAGE_BYTES = 5 * 1024 * 1024;
export const NOTHING_TO_READ = 'Nothing To Read Here';

export interface ClipSite {
  url(path: string): string;
  /** Image paths asked for, and whether the request carried the page's cookie. */
  imageRequests: { path: string; withCookie: boolean }[];
  close(): Promise<void>;
}

function scriptWrittenPage(title: string): string {
  const article = `
    <h1>${title}</h1>
    <p>${SCRIPT_TEXT}, so a fetch of the address alone would find an empty page.</p>
    <p>The harbour master keeps the chart for members: <img src="/members/tide-chart.png" alt="Tide chart"></p>
    <p>Further down, the harbour at dawn: <img src="${PLACEHOLDER}" data-src="/lazy/harbour.png" loading="lazy" alt="Harbour"></p>
    <p>And the ferry, in two sizes: <img srcset="/srcset/small.png 300w, /srcset/large.png 1200w" sizes="50vw" src="/srcset/small.png" alt="Ferry"></p>
    <tide-note></tide-note>
    <figure><div style="width:200px;height:100px;background-image:url('/cropped/lighthouse.png');background-size:cover"></div><figcaption>The lighthouse</figcaption></figure>
    <figure><canvas id="tide-graph" width="240" height="120" aria-label="Tide graph"></canvas></figure>
    <iframe src="/frame" title="Harbour notice"></iframe>
    <p>Read <a href="/linked">the story of the old ferry</a> next.</p>
    <p>The timetable changed every spring, and every spring the islanders wrote letters about it.</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><nav>Home · News</nav><article id="story"></article>
<script>
  document.cookie = '${COOKIE}; path=/';
  customElements.define('tide-note', class extends HTMLElement {
    connectedCallback() {
      this.attachShadow({ mode: 'open' }).innerHTML = '<p>${SHADOW_TEXT}.</p>';
    }
  });
  addEventListener('load', () => {
    document.getElementById('story').innerHTML = ${JSON.stringify(article)};
    const graph = document.getElementById('tide-graph').getContext('2d');
    graph.fillStyle = '#2557a7';
    graph.fillRect(20, 40, 200, 60);
  });
</script></body></html>`;
}

/** About 5 MB of article text, in paragraphs of a couple of kilobytes, as a long record or transcript has. */
function longPage(): string {
  const sentence =
    'The ferry timetable changed every spring, and every spring the islanders complained about it in long letters to the harbour office, which kept them all. ';
  const paragraph = `<p>${sentence.repeat(14)}</p>`;
  const count = Math.ceil(LONG_PAGE_BYTES / paragraph.length);
  return articlePage('The Very Long Harbour Record', paragraph.repeat(count));
}

export async function startClipSite(): Promise<ClipSite> {
  const imageRequests: ClipSite['imageRequests'] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://site.invalid').pathname;
    const html = (body: string) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(body);
    };
    if (path in IMAGES) {
      const withCookie = (request.headers.cookie ?? '').includes(COOKIE);
      imageRequests.push({ path, withCookie });
      if (path.startsWith('/members/') && !withCookie) {
        response.writeHead(403, { 'content-type': 'text/plain' });
        return response.end('members only');
      }
      response.writeHead(200, { 'content-type': 'image/png' });
      return response.end(IMAGES[path as keyof typeof IMAGES]);
    }
    if (path.startsWith('/story/')) return html(scriptWrittenPage(decodeURIComponent(path.slice(7))));
    if (path === '/linked') return html(articlePage('The Story of the Old Ferry'));
    if (path === '/frame') return html(`<!doctype html><html><body><p>${FRAME_TEXT}.</p></body></html>`);
    if (path === '/long') return html(longPage());
    if (path === '/nothing')
      return html(
        `<!doctype html><html><head><title>${NOTHING_TO_READ}</title></head><body><div></div></body></html>`,
      );
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    imageRequests,
    // The browser keeps its connections open; they are cut so the server can close.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
