// The suggestion list opens over the real Leaflet map: every option must be on top of the map's
// panes, pins and zoom buttons, at a phone width (Map view) and a desktop width.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/clinic-locator.js';
import type { ClinicLocator } from '../../src/element/clinic-locator.component.js';
import { clinics } from './fixtures.js';

async function mountWithMap(width: number): Promise<ClinicLocator> {
  await setViewport({ width, height: 900 });
  const parent = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('clinic-locator') as ClinicLocator;
  el.clinics = clinics;
  el.setAttribute('tile-url', '/tiles/{z}/{x}/{y}.png');
  parent.append(el);
  await el.updateComplete;
  return el;
}

function typeInto(el: ClinicLocator, text: string): void {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="search-input"]')!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

describe('<clinic-locator> suggestions over the map', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const [what, width] of [
    ['on a desktop', 1280],
    ['on a phone, in Map view', 390],
  ] as const) {
    it(`draws every option above the map and its controls ${what}`, async () => {
      const el = await mountWithMap(width);
      const root = el.shadowRoot!;
      await el.search('49503');
      if (width < 720) {
        await waitUntil(() => root.querySelector<HTMLElement>('[part~="view-map"]')?.offsetParent);
        root.querySelector<HTMLButtonElement>('[part~="view-map"]')!.click();
      }
      await waitUntil(() => root.querySelector('.leaflet-marker-icon'), 'no pins', {
        timeout: 5000,
      });
      // Bring the map right under the box, where the list opens.
      const map = root.querySelector<HTMLElement>('[part~="map"]')!;
      typeInto(el, 'Gra');
      await waitUntil(() => root.querySelectorAll('[part~="suggestion"]').length >= 5);
      const options = [...root.querySelectorAll<HTMLElement>('[part~="suggestion"]')];
      const mapBox = map.getBoundingClientRect();
      const zoom = root.querySelector('.leaflet-control-zoom')!.getBoundingClientRect();
      const overlaps = (a: DOMRect, b: DOMRect) =>
        a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right;
      const overMap = options.filter((o) => overlaps(o.getBoundingClientRect(), mapBox));
      // The test means something only if the list covers the map and its zoom buttons.
      expect(
        options.some((o) => overlaps(o.getBoundingClientRect(), zoom)),
        'an option over the zoom buttons',
      ).to.equal(true);
      expect(overMap.length, 'options over the map').to.be.above(0);
      for (const option of options) {
        const box = option.getBoundingClientRect();
        // Across the whole option, every 12 px: the zoom buttons and pins are small.
        for (let x = box.left + 4; x < box.right - 4; x += 12) {
          const hit = root.elementFromPoint(x, box.top + box.height / 2);
          // Compared as a boolean: chai would print the whole element on a failure.
          const where = `${option.textContent!.trim()} at x=${Math.round(x)}: ${hit?.className}`;
          expect(hit?.closest('[part~="suggestion"]') === option, where).to.equal(true);
        }
      }
      el.remove();
    });
  }
});
