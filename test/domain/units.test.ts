import { expect } from '@open-wc/testing';
import { fromKm, parseUnits, toKm } from '../../src/domain/units.js';

describe('units', () => {
  it('converts kilometres to miles and back', () => {
    expect(fromKm(1.609344, 'mi')).to.equal(1);
    expect(fromKm(10, 'km')).to.equal(10);
    expect(toKm(25, 'mi')).to.be.closeTo(40.2336, 1e-9);
    expect(toKm(3, 'km')).to.equal(3);
  });

  it('reads the units attribute, defaulting to miles', () => {
    expect(parseUnits('km')).to.equal('km');
    expect(parseUnits(' KM ')).to.equal('km');
    expect(parseUnits('mi')).to.equal('mi');
    expect(parseUnits('furlongs')).to.equal('mi');
    expect(parseUnits(null)).to.equal('mi');
  });
});
