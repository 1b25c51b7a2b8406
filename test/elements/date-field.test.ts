import { expect } from '@open-wc/testing';
import { datePattern, readDate, showDate } from '../../src/format/date-field.js';

describe('typed dates in the element’s locale', () => {
  it('a placeholder in the locale’s order and words', () => {
    expect(datePattern('fr', 'jj mm aaaa')).to.equal('jj/mm/aaaa');
    expect(datePattern('en-US', 'dd mm yyyy')).to.equal('mm/dd/yyyy');
    expect(datePattern('en-GB', 'dd mm yyyy')).to.equal('dd/mm/yyyy');
    expect(datePattern('de', 'TT MM JJJJ')).to.equal('TT.MM.JJJJ');
  });

  it('reads what was typed in that order, with any separator, short years and Arabic digits', () => {
    expect(readDate('3/4/2027', 'fr')).to.equal('2027-04-03');
    expect(readDate('3/4/2027', 'en-US')).to.equal('2027-03-04');
    expect(readDate('03.04.27', 'de')).to.equal('2027-04-03');
    expect(readDate('٠٣/٠٤/٢٠٢٧', 'ar')).to.equal('2027-04-03');
    expect(readDate('  ', 'fr')).to.equal('');
    expect(readDate('31/02/2027', 'fr')).to.equal(null);
    expect(readDate('demain', 'fr')).to.equal(null);
  });

  it('shows a day as the locale writes it', () => {
    expect(showDate('2027-05-10', 'fr')).to.equal('10/05/2027');
    expect(showDate('2027-05-10', 'en-US')).to.equal('05/10/2027');
    expect(showDate(undefined, 'fr')).to.equal('');
  });
});
