import { describe, expect, it } from 'vitest';
import { personByline } from './byline';

describe('personByline', () => {
  it('keeps names', () => {
    expect(personByline('By Mary Anning')).toBe('By Mary Anning');
    expect(personByline('Ada Lovelace, Charles Babbage')).toBe('Ada Lovelace, Charles Babbage');
  });

  it('refuses a date sentence', () => {
    expect(personByline('April 28, 2019 at 6:01 am Updated April 28, 2019 at 9:15 am')).toBeNull();
    expect(personByline('2022-06-03')).toBeNull();
    expect(personByline('Updated 5 min ago')).toBeNull();
  });

  it('keeps the name and drops the date printed after it', () => {
    expect(personByline('By GILLIAN MOHNEY March 11, 2015 3:46 PM')).toBe('By GILLIAN MOHNEY');
    expect(personByline('Jane Doe | June 3, 2022')).toBe('Jane Doe');
  });

  it('refuses a sentence that is not a name', () => {
    expect(
      personByline(
        'The harbour master kept a ledger of every ship that came in and the ledger outlived the harbour',
      ),
    ).toBeNull();
  });
});
