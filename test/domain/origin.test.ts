import { expect } from '@open-wc/testing';
import { differsFromTyped } from '../../src/domain/origin.js';

describe('differsFromTyped()', () => {
  it('is true for a corrected typo', () => {
    expect(differsFromTyped('Grnad Rapids', 'Grand Rapids, MI')).to.equal(true);
  });
  it('is true when another name was understood', () => {
    expect(differsFromTyped('Grand Rapids Michigan', 'Grand Rapids, MI')).to.equal(true);
    expect(differsFromTyped('St Joseph, MI', 'Saint Joseph, MI')).to.equal(true);
  });
  it('is false for the same words in another case, spacing, punctuation or accents', () => {
    expect(differsFromTyped('grand rapids', 'Grand Rapids, MI')).to.equal(false);
    expect(differsFromTyped('GRAND RAPIDS MI', 'Grand Rapids, MI')).to.equal(false);
    expect(differsFromTyped('Canon City, CO', 'Cañon City, CO')).to.equal(false);
  });
  it('is false for a ZIP code, ZIP+4 or any text without letters', () => {
    expect(differsFromTyped('49503', '49503 Grand Rapids, MI')).to.equal(false);
    expect(differsFromTyped('49503-1234', '49503 Grand Rapids, MI')).to.equal(false);
    expect(differsFromTyped('  ', 'Grand Rapids, MI')).to.equal(false);
  });
});
