import { describe } from 'vitest';
import { snapToWords } from './snap-to-words';
import { itReturns } from '@shared/testing/returns';

/** The selection written with [ and ] in the text, the expected one with the same marks. */
function run(marked: string): string {
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  const text = marked.replace('[', '').replace(']', '');
  const snapped = snapToWords(text, { start, end });
  return `${text.slice(0, snapped.start)}[${text.slice(snapped.start, snapped.end)}]${text.slice(snapped.end)}`;
}

describe('snapToWords', () => {
  itReturns(run, '%s', [
    ['prices rose [sharply and dr]astically today', 'prices rose [sharply and drastically] today'],
    ['prices r[ose sharply] today', 'prices [rose sharply] today'],
    ['pr[ices rose sharp]ly today', '[prices rose sharply] today'],
    ['already [whole words] here', 'already [whole words] here'],
    ['a pre[fix]ed word on purpose', 'a pre[fix]ed word on purpose'],
    ['one [l]etter', 'one [l]etter'],
    ['it is a well-kno[wn fact]', 'it is a [well-known fact]'],
    ['they don[’t know]', 'they [don’t know]'],
    ['[Drastically, prices] rose', '[Drastically, prices] rose'],
    ['prices rose 4[2 per cent]', 'prices rose [42 per cent]'],
    ['café au [lait chaud]', 'café au [lait chaud]'],
    ['caf[é au] lait', '[café au] lait'],
    ['漢字[かな混]じり文', '漢字[かな混]じり文'],
    ['end of one. [Start] of next', 'end of one. [Start] of next'],
  ]);
});
