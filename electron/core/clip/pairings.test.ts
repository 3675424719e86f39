import { describe, expect, it } from 'vitest';
import { MAX_PENDING, pairingCode, PAIRING_TTL_MS, Pairings } from './pairings';

const REQUEST = { browser: 'Firefox', extensionId: '4c1f-uuid' };

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('Pairings', () => {
  it('makes six-character codes without look-alike characters', () => {
    for (let i = 0; i < 200; i++) expect(pairingCode()).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
  });

  it('lets an unanswered request lapse after the time to answer', () => {
    const time = clock();
    const pairings = new Pairings(time.now);
    const started = pairings.start(REQUEST);
    if (!started) throw new Error('not started');
    expect(pairings.pending()).toHaveLength(1);
    time.advance(PAIRING_TTL_MS - 1);
    expect(pairings.status(started.pairingId)).toEqual({ status: 'pending' });
    time.advance(1);
    expect(pairings.pending()).toEqual([]);
    expect(pairings.status(started.pairingId)).toEqual({ status: 'expired' });
    expect(pairings.answer(started.pairingId, { status: 'denied' })).toBeNull();
  });

  it('hands an allowed token out once, even when the poll comes late in the time to answer', () => {
    const time = clock();
    const pairings = new Pairings(time.now);
    const started = pairings.start(REQUEST);
    if (!started) throw new Error('not started');
    time.advance(PAIRING_TTL_MS - 10);
    expect(pairings.answer(started.pairingId, { status: 'allowed', token: 'secret' })).toEqual(REQUEST);
    expect(pairings.answer(started.pairingId, { status: 'denied' })).toBeNull();
    time.advance(1000);
    expect(pairings.status(started.pairingId)).toEqual({ status: 'allowed', token: 'secret' });
    expect(pairings.status(started.pairingId)).toEqual({ status: 'expired' });
  });

  it(`keeps at most ${MAX_PENDING} waiting, and takes more as they lapse`, () => {
    const time = clock();
    const pairings = new Pairings(time.now);
    for (let i = 0; i < MAX_PENDING; i++) expect(pairings.start(REQUEST)).not.toBeNull();
    expect(pairings.start(REQUEST)).toBeNull();
    time.advance(PAIRING_TTL_MS);
    expect(pairings.start(REQUEST)).not.toBeNull();
  });
});
