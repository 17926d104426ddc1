import { expect } from '@open-wc/testing';
import { lookupZip, placeNamesEnd } from '../../src/domain/zip-table.js';
import { loadSearchData, loadZipSearchData } from '../../src/load/zip-data.js';

// places.bin streams in: a ZIP search needs only its postal part (the town of each ZIP), so it
// must not wait for the gazetteer that follows. A page of its own: the loader's memos are fresh.
describe('loadZipSearchData() while places.bin streams in', () => {
  it('answers with the postal part before the rest of the file arrives, from one request', async () => {
    const realFetch = window.fetch;
    const whole = new Uint8Array(
      await (await realFetch('/data/generated/places.bin')).arrayBuffer(),
    );
    const end = placeNamesEnd(whole)!;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const requested: string[] = [];
    window.fetch = (input, init) => {
      const url = String(input);
      requested.push(new URL(url, location.href).pathname);
      if (!url.endsWith('/places.bin')) return realFetch(input, init);
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          // The postal part in uneven chunks, the last one ending exactly where it ends.
          for (let at = 0; at < end; at += 40_000) {
            controller.enqueue(whole.slice(at, Math.min(at + 40_000, end)));
            await new Promise((resolve) => setTimeout(resolve, 0));
          }
          await held;
          controller.enqueue(whole.slice(end));
          controller.close();
        },
      });
      return Promise.resolve(new Response(body, { status: 200 }));
    };
    try {
      let wholeLoaded = false;
      const all = loadSearchData().then((data) => {
        wholeLoaded = true;
        return data;
      });
      const { tables, names } = await loadZipSearchData();
      expect(lookupZip(tables, '49503', names)).to.include({
        kind: 'found',
        place: 'Grand Rapids',
        state: 'MI',
      });
      expect(wholeLoaded, 'the gazetteer is still held back').to.equal(false);
      release();
      const { places } = await all;
      expect(places.names).to.equal(names.names);
      expect(places.townNames.length).to.be.greaterThan(1000);
      expect(requested.filter((path) => path.endsWith('/places.bin'))).to.have.length(1);
    } finally {
      release();
      window.fetch = realFetch;
    }
  });
});
