// End to end with the built file: deep links for two widgets, analytics events, UTM links, and a
// single-page app adding, removing and moving the widget, on a plain page with one script tag.
import { expect, waitUntil } from '@open-wc/testing';
import { openPage as openFrame } from './frame.js';

interface Recorded {
  type: string;
  widget: string;
  trigger?: string;
  query?: string;
  action?: string;
  clinicId?: string;
}
type PageWindow = Window & typeof globalThis & { __events: Recorded[]; __errors: string[] };

const openPage = (path: string) => openFrame<PageWindow>(path, { height: 1400 });

const text = (root: ShadowRoot, part: string) =>
  root.querySelector(`[part~="${part}"]`)!.textContent!.replace(/\s+/g, ' ').trim();

describe('dist/clinic-locator.js embedded twice with sync-url, events and a single-page app', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('reads each widget’s own URL parameter, reports events, and writes typed searches', async () => {
    const { win, doc } = await openPage(
      '/test/e2e/pages/embed.html?near=49503&far=Grand+Rapids%2C+MI&other=1',
    );
    const a = doc.querySelector('#a')!.shadowRoot!;
    const b = doc.querySelector('#b')!.shadowRoot!;
    await waitUntil(
      () =>
        a.querySelectorAll('[part~="result"]').length === 10 &&
        b.querySelectorAll('[part~="result"]').length === 10,
      'deep-linked searches',
      { timeout: 10_000 },
    );
    expect(text(a, 'status')).to.match(/within 25 miles of 49503 Grand Rapids, MI; nearest/);
    expect(text(b, 'status')).to.match(/a menos de 40 kilómetros de Grand Rapids, MI/);
    const searches = win.__events.filter((e) => e.type === 'clinic-search');
    expect(searches.map((e) => [e.widget, e.trigger, e.query]).sort()).to.deep.equal([
      ['a', 'link', '49503'],
      ['b', 'link', 'Grand Rapids, MI'],
    ]);

    // A typed search rewrites only its own parameter, in place.
    const entries = win.history.length;
    const input = a.querySelector<HTMLInputElement>('[part~="search-input"]')!;
    input.value = '30301';
    a.querySelector<HTMLButtonElement>('[part~="search-button"]')!.click();
    await waitUntil(() => text(a, 'status').includes('30301 Atlanta, GA'), 'typed search');
    const params = new URL(win.location.href).searchParams;
    expect(params.get('near')).to.equal('30301');
    expect(params.get('far')).to.equal('Grand Rapids, MI');
    expect(params.get('other')).to.equal('1');
    expect(win.history.length, 'replaced, not pushed').to.equal(entries);

    // Selecting and following links: clinic-select and clinic-action, with UTM on the website.
    const first = a.querySelector<HTMLElement>('[part~="result"]')!;
    first.querySelector<HTMLButtonElement>('[part~="result-button"]')!.click();
    first.querySelector<HTMLAnchorElement>('[part~="result-directions"]')!.click();
    const website = first.querySelector<HTMLAnchorElement>('[part~="result-website"]');
    website?.click();
    const id = first.dataset.id;
    const later = win.__events.filter((e) => e.type !== 'clinic-search');
    expect(later.map((e) => [e.type, e.widget, e.action ?? '', e.clinicId])).to.deep.equal([
      ['clinic-select', 'a', '', id],
      ['clinic-action', 'a', 'directions', id],
      ...(website ? [['clinic-action', 'a', 'website', id]] : []),
    ]);
    if (website) expect(website.href).to.contain('utm_source=e2e');
    expect(win.__errors).to.deep.equal([]);
  });

  it('survives being removed, re-added and moved by a single-page app', async () => {
    const { win, doc } = await openPage('/test/e2e/pages/embed.html');
    const el = doc.querySelector('#a')!;
    const first = doc.querySelector('#first')!;
    const second = doc.querySelector('#second')!;
    for (let i = 0; i < 20; i++) {
      el.remove();
      (i % 2 ? first : second).append(el);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const root = el.shadowRoot!;
    root.querySelector<HTMLInputElement>('[part~="search-input"]')!.value = '95112';
    root.querySelector<HTMLButtonElement>('[part~="search-button"]')!.click();
    await waitUntil(() => text(root, 'status').includes('95112 San Jose, CA'), 'search', {
      timeout: 10_000,
    });
    await waitUntil(() => root.querySelectorAll('.leaflet-container').length === 1, 'one map');
    expect(win.__errors).to.deep.equal([]);
  });
});
