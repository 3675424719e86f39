import { describe, expect, it } from 'vitest';
import { extractHtml } from './extract-html';

const PROSE = [
  'The lighthouse keepers kept a log of every ship that passed the point, its flag, its heading and the hour, written in pencil first and copied in ink each evening by lamplight.',
  'Their logs were sent to the harbour office every quarter, where clerks read them for wrecks and near misses and wrote to the owners of ships that had come too close to the rocks.',
  'The last keeper left the point in 1962, when the lamp was made automatic, and the logs went to the county archive, where they fill eleven shelves of a room above the reading hall.',
  'Volunteers have been copying the logs into a database since 2019, one quarter at a time, and the first decade of entries can now be searched by ship, by flag and by the weather noted.',
];

const FIRST = 'Did the keepers ever write down the names of the ships that were lost off the point?';
const REPLY = 'They did, in red ink, with the hour the lamp was last seen from the deck.';

function comment(id: number, author: string, words: string, replies = ''): string {
  return `<li id="comment-${id}" class="comment depth-1">
    <h4 class="comment-author vcard"><img class="avatar" src="/a.png" alt=""><cite>${author}</cite>
      <span class="comment-meta">wrote on <time datetime="2021-02-09">February 9, 2021</time></span></h4>
    <blockquote class="comment-content"><p>${words}</p></blockquote>
    <p class="comment-util"><a class="comment-reply-link" href="/logs/?replytocom=${id}#respond">Reply</a></p>
    ${replies}</li>`;
}

/** A blog post with `discussion` in a comments section beside the article. */
function post(discussion: string, { prose = PROSE } = {}): string {
  return `<!doctype html><html><head><title>The Keepers' Logs</title></head><body>
    <main id="content"><div class="content"><article><h1>The Keepers' Logs</h1>
      <div class="entry-content">${prose.map((p) => `<p>${p}</p>`).join('')}</div></article></div>
    <section id="comments"><header><h3>2 comments on "The Keepers' Logs"</h3>
      <p><a href="#respond">Post a comment</a></p></header>
      <ol class="comment-list">${discussion}</ol>
      <div id="respond"><h3 class="comment-reply-title">Leave a Reply</h3>
        <form><p class="comment-notes">Your email address will not be published.</p><textarea></textarea></form></div>
    </section></main></body></html>`;
}

const extract = (html: string, withoutComments = false) =>
  extractHtml(html, 'logs.html', withoutComments ? { without: new Set(['reader-comments']) } : {})
    .contentHtml;
const words = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('reader comments', () => {
  const discussion = comment(
    1,
    'Ann Lee',
    FIRST,
    `<ul class="children">${comment(2, 'Tom Hale', REPLY)}</ul>`,
  );

  it("keeps the article's discussion after it, folded, without reply links, forms and avatars", () => {
    const html = extract(post(discussion));
    expect(html).toMatch(/<details><summary>Comments \(2\)<\/summary>/);
    const text = words(html);
    for (const sentence of [...PROSE, FIRST, REPLY, 'Ann Lee', 'Tom Hale', 'February 9, 2021']) {
      expect(text).toContain(sentence);
    }
    expect(text.indexOf(FIRST)).toBeGreaterThan(text.indexOf(PROSE[3]!));
    for (const chrome of ['Reply', 'Post a comment', 'Leave a', 'email address', 'comments on']) {
      expect(text).not.toContain(chrome);
    }
    expect(html).not.toMatch(/<img|<h4|class=|id="comment/);
    expect(words(extract(post(discussion), true))).not.toContain(FIRST);
  });

  it('keeps replies listed under a name that says so', () => {
    const threaded = comment(
      1,
      'Ann Lee',
      FIRST,
      `<ul class="reply-thread">${comment(2, 'Tom Hale', REPLY)}</ul>`,
    );
    const text = words(extract(post(threaded)));
    expect(text).toContain(REPLY);
    expect(text).not.toContain('Reply ');
  });

  it('leaves out a discussion longer than the article', () => {
    const long = Array.from({ length: 12 }, (_, i) => comment(10 + i, `Reader ${i}`, PROSE.join(' '))).join(
      '',
    );
    const html = extract(post(long + discussion, { prose: PROSE.slice(0, 2) }));
    expect(html).not.toContain('<details');
    expect(words(html)).not.toContain(FIRST);
    expect(words(html)).toContain(PROSE[1]);
  });

  it("drops the labels a page's comment section leaves inside the article", () => {
    const labels = ['12 Comments', 'Leave a Reply', 'Post a comment'];
    const html = post('', { prose: [...PROSE.slice(0, 2), ...labels, ...PROSE.slice(2)] });
    const text = words(extract(html));
    for (const label of labels) expect(text).not.toContain(label);
    for (const sentence of PROSE) expect(text).toContain(sentence);
  });

  const page = (beside: string, elsewhere: string) =>
    `<!doctype html><html><head><title>The Keepers' Logs</title></head><body>
      <div id="main-column"><div class="wrap"><div class="inner"><article><h1>The Keepers' Logs</h1>
      <div class="entry-content">${PROSE.map((p) => `<p>${p}</p>`).join('')}</div></article>${beside}</div></div></div>
      ${elsewhere}</body></html>`;

  it('leaves alone comments in another column of the page', () => {
    const column = `<div id="side-column"><div><ul class="comments-list">${comment(30, 'Kim Roe', FIRST)}</ul></div></div>`;
    const html = extract(page('', column));
    expect(html).not.toContain('<details');
    expect(words(html)).not.toContain(FIRST);
    for (const sentence of PROSE) expect(words(html)).toContain(sentence);
  });

  it('leaves alone a box of recent comments set aside beside the article', () => {
    const box = `<aside><h3>Recent comments</h3><ul>${comment(31, 'Sam Poe', FIRST)}</ul></aside>`;
    const html = extract(page(box, ''));
    expect(html).not.toContain('<details');
    expect(words(html)).not.toContain(FIRST);
  });
});
