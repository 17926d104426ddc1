import { expect } from '@open-wc/testing';
import {
  directionsUrl,
  formatPhone,
  phoneDigits,
  safeHttpUrl,
  telHref,
  withUtm,
} from '../../src/domain/links.js';

describe('safeHttpUrl()', () => {
  it('keeps absolute http and https URLs', () => {
    expect(safeHttpUrl('https://example.org/a?b=1')).to.equal('https://example.org/a?b=1');
    expect(safeHttpUrl(' http://example.org ')).to.equal('http://example.org/');
  });

  it('drops every other scheme and anything that is not a URL', () => {
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      'ftp://example.org',
      '//example.org',
      '/relative',
      'example.org',
      '',
      undefined,
    ]) {
      expect(safeHttpUrl(bad), String(bad)).to.equal(undefined);
    }
  });
});

describe('phone links', () => {
  it('accepts ten US digits in any common notation', () => {
    expect(phoneDigits('(616) 555-0142')).to.equal('6165550142');
    expect(phoneDigits('616.555.0142')).to.equal('6165550142');
    expect(phoneDigits('+1 616 555 0142')).to.equal('6165550142');
    expect(formatPhone('6165550142')).to.equal('(616) 555-0142');
    expect(telHref('616-555-0142')).to.equal('tel:+16165550142');
  });

  it('rejects numbers that are not ten US digits', () => {
    for (const bad of ['555-0142', '16165550142999', '(016) 555-0142', 'call us', '', undefined]) {
      expect(phoneDigits(bad), String(bad)).to.equal(undefined);
      expect(telHref(bad), String(bad)).to.equal(undefined);
    }
  });
});

describe('withUtm()', () => {
  it('adds the campaign parameters that are set, replacing existing ones', () => {
    expect(
      withUtm('https://example.org/a?x=1&utm_source=old', {
        source: 'article',
        medium: 'web',
        campaign: 'sciatica 2026',
      }),
    ).to.equal(
      'https://example.org/a?x=1&utm_source=article&utm_medium=web&utm_campaign=sciatica+2026',
    );
    expect(withUtm('https://example.org/', { source: 'news', medium: ' ' })).to.equal(
      'https://example.org/?utm_source=news',
    );
  });

  it('leaves the URL untouched without parameters', () => {
    expect(withUtm('https://example.org/a#b', {})).to.equal('https://example.org/a#b');
  });
});

describe('directionsUrl()', () => {
  it('links to directions by coordinates, with no API key', () => {
    expect(directionsUrl(42.96593, -85.6527)).to.equal(
      'https://www.google.com/maps/dir/?api=1&destination=42.96593,-85.65270',
    );
  });
});
