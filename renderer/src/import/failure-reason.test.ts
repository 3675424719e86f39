import { describe } from 'vitest';
import { failureReason } from './failure-reason';
import { itReturns } from '@shared/testing/returns';

describe('failureReason', () => {
  itReturns(failureReason, '%s: %s → %s', [
    ['broken.html', 'broken.html is named like a web page.', 'is named like a web page.'],
    ['/home/ada/saved/broken.html', 'broken.html is named like a web page.', 'is named like a web page.'],
    ['C:\\saved\\broken.html', 'broken.html holds no text.', 'holds no text.'],
    ['https://example.com/a', 'https://example.com/a could not be reached.', 'could not be reached.'],
    ['notes.txt', 'The file is empty.', 'The file is empty.'],
    ['a.html', 'a.htmlx is not read.', 'a.htmlx is not read.'],
  ]);
});
