import { describe, expect, it } from 'vitest';
import { personByline } from './byline';
import { itReturns } from '../../../shared/testing/returns';

describe('personByline', () => {
  itReturns(personByline, 'keeps names: %j', [
    ['By Mary Anning', 'By Mary Anning'],
    ['Ada Lovelace, Charles Babbage', 'Ada Lovelace, Charles Babbage'],
  ]);

  it.each(['April 28, 2019 at 6:01 am Updated April 28, 2019 at 9:15 am', '2022-06-03', 'Updated 5 min ago'])(
    'refuses a date sentence: %j',
    (text) => {
      expect(personByline(text)).toBeNull();
    },
  );

  itReturns(personByline, 'keeps the name and drops the date printed after it: %j', [
    ['By GILLIAN MOHNEY March 11, 2015 3:46 PM', 'By GILLIAN MOHNEY'],
    ['Jane Doe | June 3, 2022', 'Jane Doe'],
  ]);

  it('refuses a sentence that is not a name', () => {
    expect(
      personByline(
        'The harbour master kept a ledger of every ship that came in and the ledger outlived the harbour',
      ),
    ).toBeNull();
  });
});
