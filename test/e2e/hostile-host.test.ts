// End to end on host pages that broke the widget: a site builder's sandboxed frame without
// `allow-forms` (form submission is blocked before any submit event), a same-origin srcdoc frame
// where history.replaceState throws, and a right-to-left page. The built dist/clinic-locator.js,
// one script tag, in real Chromium.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { openPage } from './frame.js';

interface Found {
  frame: HTMLIFrameElement;
  win: Window & typeof globalThis;
  host: HTMLElement & { search(query: string): Promise<void> };
  root: ShadowRoot;
}

/** Loads a page whose widget lives in an inner frame (#embed), and finds that widget. */
async function openNested(path: string): Promise<Found> {
  const outer = document.createElement('iframe');
  outer.style.width = '1100px';
  outer.style.height = '900px';
  const loaded = new Promise((resolve) => outer.addEventListener('load', resolve, { once: true }));
  outer.src = path;
  document.body.append(outer);
  await loaded;
  const frame = outer.contentDocument!.querySelector<HTMLIFrameElement>('#embed')!;
  await waitUntil(() => frame.contentWindow?.customElements?.get('clinic-locator'), 'not defined', {
    timeout: 10_000,
  });
  const win = frame.contentWindow as Window & typeof globalThis;
  const host = win.document.querySelector('clinic-locator') as Found['host'];
  await waitUntil(() => host.shadowRoot?.querySelector('form'), 'not rendered', {
    timeout: 10_000,
  });
  return { frame, win, host, root: host.shadowRoot! };
}

const statusOf = (root: ShadowRoot) =>
  root.querySelector('[part~="status"]')!.textContent!.replace(/\s+/g, ' ').trim();

describe('e2e: a sandboxed frame without allow-forms', () => {
  it('searches on Enter in the box and on the Search button, with no form submission', async () => {
    const { win, host, root } = await openNested('/test/e2e/pages/host-sandboxed.html');
    const events: unknown[] = [];
    host.addEventListener('clinic-search', (e) => events.push(e));
    const input = root.querySelector<HTMLInputElement>('[part~="search-input"]')!;
    input.focus();
    input.value = '49503';
    // A real Enter, through the browser: the form cannot submit here.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => events.length === 1, 'Enter did not search', { timeout: 10_000 });
    expect(statusOf(root)).to.match(/clinics within 25 miles of 49503/);
    input.value = '10001';
    root.querySelector<HTMLButtonElement>('[part~="search-button"]')!.click();
    await waitUntil(() => events.length === 2, 'the button did not search', { timeout: 10_000 });
    expect(statusOf(root)).to.match(/of 10001 New York, NY/);
    // The form is still a search landmark.
    expect(root.querySelector('form')!.getAttribute('role')).to.equal('search');
    void win;
  });
});

describe('e2e: sync-url in a same-origin srcdoc frame (replaceState throws there)', () => {
  it('still fires clinic-search and resolves search(); the URL is simply not kept', async () => {
    const { win, host, root } = await openNested('/test/e2e/pages/host-srcdoc-sync.html');
    // The frame's history refuses URLs with a query: the precondition of this page.
    expect(() => win.history.replaceState(null, '', '?x=1')).to.throw();
    const errors: unknown[] = [];
    win.addEventListener('unhandledrejection', (e) => errors.push(e.reason));
    win.addEventListener('error', (e) => errors.push(e.error));
    const searched = new Promise((resolve) =>
      host.addEventListener('clinic-search', resolve, { once: true }),
    );
    await host.search('49503');
    await searched;
    expect(statusOf(root)).to.match(/clinics within 25 miles of 49503/);
    expect(errors).to.deep.equal([]);
  });
});

describe('e2e: a right-to-left page', () => {
  it('keeps the widget left to right in its own language, phone numbers and distances in order', async () => {
    const { doc } = await openPage('/test/e2e/pages/host-rtl.html');
    const host = doc.querySelector('clinic-locator') as HTMLElement & {
      search(q: string): Promise<void>;
    };
    await host.search('49503');
    const root = host.shadowRoot!;
    await waitUntil(() => root.querySelector('[part~="result-phone"]'), 'no results', {
      timeout: 10_000,
    });
    const view = doc.defaultView!;
    const frame = root.querySelector<HTMLElement>('.frame')!;
    expect(view.getComputedStyle(frame).direction).to.equal('ltr');
    expect(frame.getAttribute('lang')).to.equal('en-US');
    // "(517) 555-0101": the area code is drawn left of the rest, as in a left-to-right page.
    const phone = root.querySelector<HTMLElement>('[part~="result-phone"] span')!;
    // Lit puts comment markers beside bindings: the first text node is the number.
    const text = [...phone.childNodes].find((n) => n.nodeType === 3 && n.textContent!.trim())!;
    const range = doc.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 1);
    const open = range.getBoundingClientRect().left;
    const length = text.textContent!.length;
    range.setStart(text, length - 1);
    range.setEnd(text, length);
    const last = range.getBoundingClientRect().left;
    expect(open).to.be.below(last);
    // The distance reads "0.4 mi", number first.
    const distance = root.querySelector<HTMLElement>('[part~="result-distance"]')!;
    expect(view.getComputedStyle(distance).direction).to.equal('ltr');
    // The page's own heading stays right to left.
    expect(view.getComputedStyle(doc.querySelector('h1')!).direction).to.equal('rtl');
  });
});

describe('e2e: a location prompt nobody answers (location-unanswered.html)', () => {
  it('ends after the bound with its message and one clinic-error, the results still listed, and the box still works', async () => {
    const { win, doc } = await openPage<
      Window & {
        __locateCalls: number;
        __clinicErrors: { source: unknown; message: unknown }[];
        __errors: string[];
        __rejections: string[];
      }
    >('/test/e2e/pages/location-unanswered.html');
    const host = doc.querySelector('clinic-locator')!;
    const root = host.shadowRoot!;
    const names = () =>
      [...root.querySelectorAll('[part~="result-name"]')].map((el) => el.textContent!.trim());
    const searchFor = async (zip: string) => {
      root.querySelector<HTMLInputElement>('[part~="search-input"]')!.value = zip;
      root.querySelector<HTMLButtonElement>('[part~="search-button"]')!.click();
      await waitUntil(() => names().length > 0 && statusOf(root).includes(zip), statusOf(root), {
        timeout: 10_000,
      });
    };
    await searchFor('49503');
    const before = names();
    root.querySelector<HTMLButtonElement>('[part~="locate-button"]')!.click();
    await waitUntil(() => statusOf(root) === 'Finding your location…', statusOf(root));
    await waitUntil(() => win.__locateCalls === 1, 'the position was never asked for');
    // 30 s on this page's fast clock: 300 ms.
    await waitUntil(
      () => statusOf(root).startsWith('Finding your location took too long'),
      statusOf(root),
      { timeout: 5_000 },
    );
    expect(win.__clinicErrors.map((e) => e.source)).to.deep.equal(['location']);
    expect(statusOf(root)).to.match(/The results below are from your last search\.$/);
    expect(names()).to.deep.equal(before);
    expect(root.querySelector('.list')!.hasAttribute('inert')).to.equal(false);
    await searchFor('60601');
    expect(win.__errors).to.deep.equal([]);
    expect(win.__rejections).to.deep.equal([]);
  });
});
