// Suggestions prepared while the place names load must not open the list after the visitor has
// moved on: pressed Enter, Escape or Tab, or left the box. Its own file (its own page), so the
// place names are not loaded by an earlier test.
import { expect, waitUntil } from '@open-wc/testing';
import { holdFetch, mount, press } from './harness.js';
import { clinics } from './fixtures.js';

describe('<clinic-locator> suggestions that arrive late', () => {
  it('do not open the list over the results after Enter, nor after Escape or Tab', async () => {
    const held = holdFetch('places.bin');
    try {
      const h = await mount({}, clinics);
      // Enter while the suggestions for "grand rapids" wait for the place names.
      h.type('grand rapids');
      press(h, 'Enter');
      h.submit();
      await waitUntil(() => h.status() === 'Searching…');
      held.release();
      await waitUntil(() => h.status().includes('Grand Rapids, MI'), 'no results', {
        timeout: 5000,
      });
      // Past the moment the suggestions came back: they were dropped.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(h.input().getAttribute('aria-expanded')).to.equal('false');
      expect(h.part('suggestions').hidden).to.equal(true);

      // The place names are loaded now: suggestions come at once, and Escape or Tab typed
      // right after a keystroke, before they land, keep the list closed.
      for (const key of ['Escape', 'Tab']) {
        h.type(`grand ra${key === 'Tab' ? 'p' : ''}`);
        press(h, key);
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(h.input().getAttribute('aria-expanded'), key).to.equal('false');
      }
      // Leaving the box for another control before they land keeps the list closed too.
      h.input().focus();
      h.type('grand rapid');
      h.part('search-button').focus();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(h.input().getAttribute('aria-expanded'), 'left the box').to.equal('false');
      // And typing again suggests again.
      h.type('grand rapi');
      await waitUntil(() => h.input().getAttribute('aria-expanded') === 'true');
    } finally {
      held.restore();
    }
  });
});
