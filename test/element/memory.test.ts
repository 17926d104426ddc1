// Repeated searches with the real Leaflet map must not leave anything behind: a leak of one
// result row, marker, listener or search record per search shows here as growth over 200
// searches. Counts and bytes, never timings.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/clinic-locator.js';
import type { ClinicLocator } from '../../src/element/clinic-locator.component.js';
import { clinics } from './fixtures.js';
import { heapCensus } from './harness.js';

const ZIPS = ['49503', '10001', '60614', '94103', '73301', '98101', '33101', '80202', '02108'];

describe('<clinic-locator> memory over many searches', () => {
  it('holds the same objects, DOM nodes and listeners after 220 searches as after 20', async function () {
    this.timeout(60_000);
    const parent = await fixture<HTMLDivElement>(html`<div style="width: 900px"></div>`);
    const el = document.createElement('clinic-locator') as ClinicLocator;
    el.clinics = clinics;
    el.setAttribute('tile-url', '/tiles/{z}/{x}/{y}.png');
    parent.append(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const input = () => root.querySelector<HTMLInputElement>('[part~="search-input"]')!;
    const form = () => root.querySelector<HTMLFormElement>('[part~="search-form"]')!;
    let count = 0;
    const search = async () => {
      input().value = ZIPS[count++ % ZIPS.length]!;
      const done = oneEvent(el, 'clinic-search');
      form().requestSubmit();
      await done;
    };
    const searches = async (n: number) => {
      for (let i = 0; i < n; i++) await search();
      await waitUntil(() => root.querySelector('.leaflet-marker-icon'), 'no markers', {
        timeout: 5000,
      });
      // The last search's zoom animation (250 ms) and tile loads end.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    };
    const census = () => heapCensus(['LeafletMapView', 'ClusterLayer']);

    await searches(20);
    const before = await census();
    await searches(200);
    const after = await census();

    // One map, and no cluster layer (it serves the overview before a search only).
    expect(after.objects).to.deep.equal({
      LeafletMapView: 1,
      ClusterLayer: before.objects['ClusterLayer'],
    });
    // One search's markers on the map: ten clinics and the searched point.
    expect(root.querySelectorAll('.leaflet-marker-icon').length).to.equal(11);
    // A leak of one node or listener per search would add 200; holding each search's results
    // (a few hundred bytes) would add far more than 2 % of the ~2 MB JavaScript holds.
    expect(after.metrics.Nodes - before.metrics.Nodes).to.be.below(100);
    expect(after.metrics.JSEventListeners - before.metrics.JSEventListeners).to.be.below(50);
    expect(after.objectBytes / before.objectBytes).to.be.below(1.02);
  });
});
