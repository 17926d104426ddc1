import { expect } from '@open-wc/testing';
import { lookupZip } from '../../src/domain/zip-table.js';
import { loadZipTables } from '../../src/load/zip-data.js';

describe('loadZipTables()', () => {
  // Runs first: nothing is memoised yet, so the failing fetch is the one this call makes.
  it('rejects with a clear error when a file cannot be fetched, and retries on the next call', async () => {
    const realFetch = window.fetch;
    window.fetch = (input, init) =>
      String(input).endsWith('/places.bin')
        ? Promise.resolve(new Response('gone', { status: 404, statusText: 'Not Found' }))
        : realFetch(input, init);
    let error: unknown;
    try {
      await loadZipTables();
    } catch (e) {
      error = e;
    } finally {
      window.fetch = realFetch;
    }
    expect(error).to.be.instanceOf(Error);
    expect((error as Error).message).to.equal(
      `Could not load the ZIP code table ${new URL('/data/generated/places.bin', location.href).href}: HTTP 404 Not Found`,
    );
    const tables = await loadZipTables();
    expect(lookupZip(tables, '49503')).to.include({ kind: 'found', place: 'Grand Rapids' });
  });

  it('resolves to tables that find 49503', async () => {
    const tables = await loadZipTables();
    expect(lookupZip(tables, '49503')).to.include({
      kind: 'found',
      zip: '49503',
      place: 'Grand Rapids',
      state: 'MI',
    });
  });

  it('hands every caller the same promise', () => {
    const first = loadZipTables();
    expect(loadZipTables()).to.equal(first);
  });
});
