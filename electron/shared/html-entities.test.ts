import { describe } from 'vitest';
import { decodeEntities } from './html-entities';
import { itReturns } from './testing/returns';

describe('decodeEntities', () => {
  itReturns(decodeEntities, [
    ['plain text', 'plain text'],
    ['A&nbsp;B', 'A\u00a0B'],
    ['Fish &amp; chips', 'Fish & chips'],
    ['&lt;b&gt; is bold', '<b> is bold'],
    ['It&#8217;s', 'It’s'],
    ['It&#x2019;s', 'It’s'],
    ['Wait&hellip; &mdash; no', 'Wait… — no'],
    ['&ldquo;Quoted&rdquo;', '“Quoted”'],
    ['&Eacute; is not é', '&Eacute; is not é'],
    ['&amp;nbsp; once only', '&nbsp; once only'],
    ['&unknown; kept', '&unknown; kept'],
    ['&#0; and &#x110000; kept', '&#0; and &#x110000; kept'],
    ['AT&T and a & b', 'AT&T and a & b'],
  ]);
});
