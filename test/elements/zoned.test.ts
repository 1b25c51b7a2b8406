// The local day of an instant, as the month and agenda views place events: exact at local midnight
// and across DST switches, in zones whose offsets are not whole hours (checked against Intl itself,
// minute by minute, so that a faster dayKey can be tried against them).
import { expect } from '@open-wc/testing';
import { dayKey } from '../../src/format/zoned.js';

const MINUTE = 60_000;
const intlDay = (time: number, zone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(time);

/** Every minute (and the millisecond before it) from `from` for `minutes`, where dayKey and Intl disagree. */
function disagreements(zone: string, from: string, minutes: number): string[] {
  const start = Date.parse(from);
  const wrong: string[] = [];
  for (let i = 0; i < minutes; i++) {
    for (const time of [start + i * MINUTE - 1, start + i * MINUTE]) {
      if (dayKey(time, zone) !== intlDay(time, zone)) wrong.push(`${new Date(time).toISOString()}: ${dayKey(time, zone)} ≠ ${intlDay(time, zone)}`);
    }
  }
  return wrong;
}

describe('the local day of an instant', () => {
  it('turns at local midnight in Kathmandu (+05:45) and Chatham (+13:45 in summer)', () => {
    expect(disagreements('Asia/Kathmandu', '2027-03-14T17:30:00Z', 120)).to.deep.equal([]);
    expect(disagreements('Pacific/Chatham', '2027-01-14T09:30:00Z', 120)).to.deep.equal([]);
    expect(dayKey('2027-03-14T18:14:59.999Z', 'Asia/Kathmandu')).to.equal('2027-03-14');
    expect(dayKey('2027-03-14T18:15:00Z', 'Asia/Kathmandu')).to.equal('2027-03-15');
  });

  it('stays right across DST switches in St. John’s (−03:30) and Lord Howe (half-hour DST)', () => {
    // St. John's springs forward at 02:00 local on 14 March 2027 (05:30 UTC); midnights around it.
    expect(disagreements('America/St_Johns', '2027-03-14T02:00:00Z', 240)).to.deep.equal([]);
    expect(disagreements('America/St_Johns', '2027-03-15T01:30:00Z', 120)).to.deep.equal([]);
    // Lord Howe leaves its +11 summer time on 4 April 2027, at 02:00 local.
    expect(disagreements('Australia/Lord_Howe', '2027-04-02T12:00:00Z', 24 * 60)).to.deep.equal([]);
  });

  it('gives the same answer however the instant is written', () => {
    const time = Date.parse('2027-06-30T22:00:00Z');
    expect([dayKey(time, 'Europe/Paris'), dayKey(new Date(time), 'Europe/Paris'), dayKey('2027-06-30T22:00:00Z', 'Europe/Paris')]).to.deep.equal([
      '2027-07-01',
      '2027-07-01',
      '2027-07-01',
    ]);
    expect(dayKey(time, 'America/Los_Angeles')).to.equal('2027-06-30');
  });
});
