// End to end: the demo pages (demo/*.html) as `npm start` serves them, here from the test server
// whose root is the repository, so their `../dist/clinic-locator.js` is the built file. Each loads
// in an iframe with ?tiles=local (tiles from this 127.0.0.1 server), the widget renders, and axe
// (axe-core, injected into the iframe) finds no violation, shadow DOM included.
import { expect, waitUntil } from '@open-wc/testing';
import type { AxeResults, RunOptions } from 'axe-core';

type DemoWindow = Window &
  typeof globalThis & {
    axe?: { run(context: Document, options: RunOptions): Promise<AxeResults> };
  };

const DEFAULT_SNIPPET =
  '<script src="https://cdn.example.org/clinic-locator/clinic-locator.js"></script>\n' +
  '<clinic-locator></clinic-locator>';

async function openDemo(
  path: string,
  width = 1100,
  height = 900,
): Promise<{ win: DemoWindow; doc: Document; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = `${height}px`;
  frame.style.border = '0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = path;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as DemoWindow;
  await waitUntil(() => win.customElements.get('clinic-locator'), 'element not defined', {
    timeout: 10_000,
  });
  const doc = frame.contentDocument!;
  await waitUntil(
    () =>
      [...doc.querySelectorAll('clinic-locator')].every((el) =>
        el.shadowRoot?.querySelector('[part~="search-input"]'),
      ),
    'widget not rendered',
  );
  return { win, doc, frame };
}

/** Runs axe in the iframe's own window, on its document (shadow roots included). */
async function audit(win: DemoWindow, doc: Document): Promise<void> {
  if (!win.axe) {
    const script = doc.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const ready = new Promise((resolve, reject) => {
      script.addEventListener('load', resolve, { once: true });
      script.addEventListener('error', reject, { once: true });
    });
    doc.head.append(script);
    await ready;
  }
  const results = await win.axe!.run(doc, { resultTypes: ['violations'] });
  const report = results.violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n'),
    )
    .join('\n');
  expect(results.violations, report).to.deep.equal([]);
}

function shadow(doc: Document, selector = 'clinic-locator'): ShadowRoot {
  return doc.querySelector(selector)!.shadowRoot!;
}

async function results(root: ShadowRoot): Promise<void> {
  await waitUntil(() => root.querySelectorAll('[part~="result"]').length > 0, 'no results', {
    timeout: 10_000,
  });
}

const PAGES = ['index.html', 'article.html', 'member.html', 'builder.html'];

/** The page's own links and buttons (header, navs, footer, the demo bar), not the widget's. */
const CHROME_TARGETS = '.demo-bar a, header a, nav a, footer a, body > * button, main > p > a';

/**
 * At a phone's width: nothing wider than the screen, every widget the width of the page's column
 * (at most a side margin and a card's padding, 28 px, on each side), and every tap target of the
 * page chrome at least 44 × 44 px and on the screen.
 */
function expectFitsAPhone(doc: Document, width: number): void {
  const viewport = doc.documentElement.clientWidth;
  expect(viewport, 'the layout viewport').to.be.within(width - 20, width);
  expect(doc.documentElement.scrollWidth, `horizontal scrolling at ${width} px`).to.be.at.most(
    viewport,
  );
  const widgets = doc.querySelectorAll('clinic-locator');
  expect(widgets.length).to.be.greaterThan(0);
  for (const widget of widgets) {
    const box = widget.getBoundingClientRect();
    expect(box.left, 'widget left edge').to.be.at.least(0);
    expect(box.right, 'widget right edge').to.be.at.most(viewport);
    expect(box.width, 'widget width').to.be.at.least(viewport - 2 * 28);
  }
  const targets = [...doc.querySelectorAll<HTMLElement>(CHROME_TARGETS)].filter(
    (el) => !el.closest('clinic-locator') && el.getClientRects().length > 0,
  );
  expect(targets.length, 'page chrome links').to.be.greaterThan(0);
  for (const target of targets) {
    const box = target.getBoundingClientRect();
    const name = `${target.tagName.toLowerCase()} “${target.textContent!.trim()}”`;
    expect(box.height, `${name} height`).to.be.at.least(44);
    expect(box.width, `${name} width`).to.be.at.least(44);
    expect(box.left, `${name} left edge`).to.be.at.least(0);
    expect(box.right, `${name} right edge`).to.be.at.most(viewport);
  }
}

describe('demo pages', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  describe('every page', () => {
    for (const page of PAGES) {
      it(`${page}: lang, title, viewport, one h1, a way back, readable at 320 px`, async () => {
        const { doc } = await openDemo(`/demo/${page}?tiles=local`, 320);
        expect(doc.documentElement.lang).to.equal('en');
        expect(doc.title.trim()).to.not.equal('');
        expect(doc.querySelector('meta[name="viewport"]')?.getAttribute('content')).to.contain(
          'width=device-width',
        );
        expect(doc.querySelectorAll('h1')).to.have.length(1);
        // One script tag for the widget, as an editor would paste it.
        expect(
          [...doc.querySelectorAll('script[src]')].filter((s) =>
            s.getAttribute('src')!.endsWith('clinic-locator.js'),
          ),
        ).to.have.length(1);
        expect(doc.querySelector('script[src="../dist/clinic-locator.js"]')).to.not.equal(null);
        if (page !== 'index.html') {
          const back = [...doc.querySelectorAll<HTMLAnchorElement>('a[href]')].find(
            (a) => new URL(a.href).pathname === '/demo/',
          );
          expect(back, 'a link back to the demo index').to.not.equal(undefined);
          // demo.js keeps ?tiles=local on the way back.
          expect(new URL(back!.href).searchParams.get('tiles')).to.equal('local');
        }
        expect(doc.documentElement.scrollWidth, 'horizontal scrolling at 320 px').to.be.at.most(
          320,
        );
      });
    }

    it('index.html links to the three other demo pages', async () => {
      const { doc } = await openDemo('/demo/index.html');
      const paths = [...doc.querySelectorAll<HTMLAnchorElement>('a[href]')].map(
        (a) => new URL(a.href).pathname,
      );
      for (const page of ['article.html', 'member.html', 'builder.html']) {
        expect(paths).to.include(`/demo/${page}`);
      }
    });
  });

  describe('at 390 px, a phone', () => {
    for (const page of PAGES) {
      it(`${page}: no horizontal scrolling, the widget full width, 44 px tap targets`, async () => {
        const { doc } = await openDemo(`/demo/${page}?tiles=local`, 390, 844);
        expectFitsAPhone(doc, 390);
      });
    }

    it('index.html still fits with results and the map shown', async () => {
      const { doc } = await openDemo('/demo/index.html?tiles=local', 390, 844);
      const root = shadow(doc);
      root.querySelector<HTMLInputElement>('[part~="search-input"]')!.value = '49503';
      root.querySelector<HTMLButtonElement>('[part~="search-button"]')!.click();
      await results(root);
      // A phone lists first; the map is one tap away.
      root.querySelector<HTMLButtonElement>('[part~="view-map"]')!.click();
      await waitUntil(() => root.querySelector('img.leaflet-tile-loaded'), 'no tile', {
        timeout: 10_000,
      });
      expectFitsAPhone(doc, 390);
    });
  });

  describe('index.html', () => {
    it('searches with local tiles, and axe finds no violation', async () => {
      const { win, doc } = await openDemo('/demo/index.html?tiles=local');
      const root = shadow(doc);
      expect(doc.querySelector('clinic-locator')!.getAttribute('tile-url')).to.match(
        /^http:\/\/127\.0\.0\.1:\d+\/tiles\/\{z\}/,
      );
      await audit(win, doc);
      root.querySelector<HTMLInputElement>('[part~="search-input"]')!.value = '49503';
      root.querySelector<HTMLButtonElement>('[part~="search-button"]')!.click();
      await results(root);
      await waitUntil(() => root.querySelector('img.leaflet-tile-loaded'), 'no tile', {
        timeout: 10_000,
      });
      expect(new URL(root.querySelector<HTMLImageElement>('img.leaflet-tile')!.src).host).to.equal(
        location.host,
      );
      await audit(win, doc);
    });
  });

  describe('article.html', () => {
    it('has the compact widget preset for back pain and sciatica, with its slots', async () => {
      const { win, doc } = await openDemo('/demo/article.html?tiles=local');
      const el = doc.querySelector('clinic-locator')!;
      expect(el.getAttribute('layout')).to.equal('compact');
      expect(el.getAttribute('services')).to.equal('back-pain,sciatica');
      expect(el.getAttribute('utm-source')).to.equal('article');
      expect(el.getAttribute('utm-medium')).to.equal('web');
      expect(el.getAttribute('utm-campaign')).to.equal('back-pain-article');
      // Before a search: the heading and the one empty-state sentence; the copy above the
      // results waits for them.
      for (const slot of ['heading', 'empty']) {
        const content = el.querySelector(`[slot="${slot}"]`);
        expect(content, slot).to.not.equal(null);
        expect(content!.assignedSlot?.name, slot).to.equal(slot);
      }
      const beforeResults = el.querySelector('[slot="before-results"]')!;
      expect(beforeResults.assignedSlot).to.equal(null);
      expect(el.querySelector('[slot="heading"]')!.tagName).to.equal('H2');
      expect(doc.querySelector('article h1')!.textContent).to.contain(
        'Back pain or sciatica? When to see a physical therapist',
      );
      // The widget is at the end of the article: scroll to it, as a reader would.
      el.scrollIntoView();
      await audit(win, doc);
    });

    it('lists clinics with UTM-tagged links, and opens its map, without axe violations', async () => {
      const { win, doc } = await openDemo('/demo/article.html?tiles=local');
      const el = doc.querySelector('clinic-locator')!;
      el.scrollIntoView();
      const root = el.shadowRoot!;
      root.querySelector<HTMLInputElement>('[part~="search-input"]')!.value = '49503';
      root.querySelector<HTMLButtonElement>('[part~="search-button"]')!.click();
      await results(root);
      expect(el.querySelector('[slot="before-results"]')!.assignedSlot?.name).to.equal(
        'before-results',
      );
      expect(root.querySelectorAll('[part~="result"]')).to.have.length(3);
      const website = root.querySelector<HTMLAnchorElement>('[part~="result-website"]');
      if (website) {
        const url = new URL(website.href);
        expect(url.searchParams.get('utm_source')).to.equal('article');
        expect(url.searchParams.get('utm_campaign')).to.equal('back-pain-article');
      }
      await audit(win, doc);
      root.querySelector<HTMLButtonElement>('[part~="map-toggle"]')!.click();
      await waitUntil(() => root.querySelector('img.leaflet-tile-loaded'), 'no tile', {
        timeout: 10_000,
      });
      await audit(win, doc);
    });
  });

  describe('member.html', () => {
    it('shows only Lakeshore Physical Therapy clinics near its preset town, themed', async () => {
      const { win, doc } = await openDemo('/demo/member.html?tiles=local');
      const el = doc.querySelector<HTMLElement>('clinic-locator')!;
      expect(el.getAttribute('organization')).to.equal('Lakeshore Physical Therapy');
      expect(el.getAttribute('zip')).to.equal('Grand Rapids, MI');
      const root = el.shadowRoot!;
      await results(root);
      const names = [...root.querySelectorAll('[part~="result-name"]')].map((n) => n.textContent!);
      expect(names.length).to.be.greaterThan(0);
      expect(
        names.every((n) => n.startsWith('Lakeshore Physical Therapy')),
        names.join('; '),
      ).to.equal(true);
      expect(getComputedStyle(el).getPropertyValue('--clinic-locator-accent').trim()).to.equal(
        '#0f5e73',
      );
      const button = root.querySelector('[part~="search-button"]')!;
      expect(getComputedStyle(button).backgroundColor).to.equal('rgb(15, 94, 115)');
      await waitUntil(() => root.querySelector('img.leaflet-tile-loaded'), 'no tile', {
        timeout: 10_000,
      });
      await audit(win, doc);
    });
  });

  describe('builder.html', () => {
    async function openBuilder() {
      const page = await openDemo('/demo/builder.html?tiles=local');
      const { doc } = page;
      await waitUntil(
        () => doc.querySelectorAll('#services input[type="checkbox"]').length > 0,
        'services not loaded',
      );
      const snippet = () => doc.getElementById('snippet')!.textContent!;
      const preview = doc.getElementById('preview')!;
      const control = <T extends HTMLElement = HTMLInputElement>(selector: string) =>
        doc.querySelector<T>(selector)!;
      const set = (el: HTMLInputElement | HTMLSelectElement, value: string, commit = true) => {
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        if (commit) el.dispatchEvent(new Event('change', { bubbles: true }));
      };
      const tick = (el: HTMLInputElement, on = true) => {
        if (el.checked !== on) el.click();
      };
      return { ...page, snippet, preview, control, set, tick };
    }

    it('starts with exactly the two-line embed, and a preview on local tiles', async () => {
      const { snippet, preview, doc } = await openBuilder();
      expect(snippet()).to.equal(DEFAULT_SNIPPET);
      // The pre holds text, never markup.
      expect(doc.querySelector('#snippet *')).to.equal(null);
      // ?tiles=local reaches the preview only, never the code.
      expect(preview.getAttribute('tile-url')).to.match(/\/tiles\/\{z\}\/\{x\}\/\{y\}\.png$/);
      expect(
        doc.querySelectorAll('#services input[type="checkbox"]').length,
        'one checkbox per service in data/services.json',
      ).to.equal(14);
    });

    it('offers the patient presets, the report address and structured data', async () => {
      const { snippet, preview, control, set, tick } = await openBuilder();
      set(control('#opt-organization'), 'Lakeshore Physical Therapy');
      tick(control('#opt-structured-data'));
      set(control('#opt-insurance'), 'medicare');
      set(control('#opt-languages'), 'es,vi');
      set(control('#opt-report-url'), 'https://network.example/report?clinic={id}');
      expect(preview.getAttribute('insurance')).to.equal('medicare');
      expect(preview.getAttribute('languages')).to.equal('es,vi');
      expect(preview.hasAttribute('structured-data')).to.equal(true);
      for (const line of [
        '  organization="Lakeshore Physical Therapy"',
        '  structured-data',
        '  insurance="medicare"',
        '  languages="es,vi"',
        '  report-url="https://network.example/report?clinic={id}"',
      ]) {
        expect(snippet().split('\n')).to.include(line);
      }
      // The preview writes the organization's clinics as JSON-LD beside itself.
      await waitUntil(
        () => preview.nextElementSibling?.matches('script[type="application/ld+json"]'),
        'no JSON-LD',
        { timeout: 10_000 },
      );
    });

    it('puts each changed option on the live widget and in the code', async () => {
      const { snippet, preview, control, set, tick } = await openBuilder();

      tick(control('input[name="layout"][value="compact"]'));
      expect(preview.getAttribute('layout')).to.equal('compact');
      expect(snippet()).to.contain('<clinic-locator layout="compact"></clinic-locator>');
      await waitUntil(
        () => preview.shadowRoot!.querySelector('[part~="map-toggle"]'),
        'the compact layout did not show',
      );

      // The ZIP reaches the code at once and the widget when committed (no search per keystroke).
      const zip = control('#opt-zip');
      set(zip, '49503', false);
      expect(snippet()).to.contain('zip="49503"');
      expect(preview.hasAttribute('zip')).to.equal(false);
      zip.dispatchEvent(new Event('change', { bubbles: true }));
      expect(preview.getAttribute('zip')).to.equal('49503');
      await results(preview.shadowRoot!);

      tick(control('#services input[value="back-pain"]'));
      tick(control('#services input[value="sciatica"]'));
      expect(preview.getAttribute('services')).to.equal('back-pain,sciatica');

      tick(control('input[name="units"][value="km"]'));
      const radius = control<HTMLSelectElement>('#opt-radius');
      expect([...radius.options].map((o) => o.value)).to.deep.equal([
        '',
        '10',
        '20',
        '40',
        '80',
        '160',
      ]);
      set(radius, '80');
      expect(preview.getAttribute('units')).to.equal('km');
      expect(preview.getAttribute('radius')).to.equal('80');

      set(control('#opt-limit'), '5');
      set(control<HTMLSelectElement>('#opt-lang'), 'es');
      tick(control('#opt-without-map'));
      tick(control('#opt-sync-url'));
      set(control('#opt-utm-source'), 'partner-site');
      set(control('#css-accent'), '#c0392b');
      set(control('#css-radius'), '0');

      expect(preview.getAttribute('limit')).to.equal('5');
      expect(preview.getAttribute('lang')).to.equal('es');
      expect(preview.hasAttribute('without-map')).to.equal(true);
      expect(preview.getAttribute('sync-url')).to.equal('');
      expect(preview.getAttribute('utm-source')).to.equal('partner-site');
      expect(preview.style.getPropertyValue('--clinic-locator-accent')).to.equal('#c0392b');
      expect(getComputedStyle(preview).getPropertyValue('--clinic-locator-radius').trim()).to.equal(
        '0',
      );

      expect(snippet()).to.equal(
        [
          '<script src="https://cdn.example.org/clinic-locator/clinic-locator.js"></script>',
          '<clinic-locator',
          '  zip="49503"',
          '  limit="5"',
          '  radius="80"',
          '  units="km"',
          '  layout="compact"',
          '  lang="es"',
          '  without-map',
          '  services="back-pain,sciatica"',
          '  sync-url',
          '  utm-source="partner-site"',
          '  style="--clinic-locator-accent: #c0392b; --clinic-locator-radius: 0"',
          '></clinic-locator>',
        ].join('\n'),
      );
    });

    it('escapes what is typed, and resets to the two-line embed', async () => {
      const { snippet, preview, control, set, doc } = await openBuilder();
      set(control('#opt-utm-campaign'), 'spring "sale" <b>&</b>');
      expect(snippet()).to.contain(
        'utm-campaign="spring &quot;sale&quot; &lt;b&gt;&amp;&lt;/b&gt;"',
      );
      expect(doc.querySelector('#snippet *')).to.equal(null);
      expect(preview.getAttribute('utm-campaign')).to.equal('spring "sale" <b>&</b>');

      control<HTMLButtonElement>('button[type="reset"]').click();
      await waitUntil(() => snippet() === DEFAULT_SNIPPET, 'not reset');
      expect(preview.hasAttribute('utm-campaign')).to.equal(false);
      expect(preview.hasAttribute('style')).to.equal(false);
    });

    it('copies the code, or selects it when the clipboard is unavailable', async () => {
      const { win, doc, snippet, control } = await openBuilder();
      control<HTMLButtonElement>('#copy').click();
      const status = doc.getElementById('copy-status')!;
      await waitUntil(() => status.textContent !== '', 'no copy status');
      if (/selected/.test(status.textContent!)) {
        expect(win.getSelection()!.toString()).to.equal(snippet());
      } else {
        expect(status.textContent).to.contain('Copied');
      }
      expect(status.getAttribute('role')).to.equal('status');
    });

    it('labels every control, groups them in fieldsets, and passes axe', async () => {
      const { win, doc, preview } = await openBuilder();
      for (const control of doc.querySelectorAll<HTMLInputElement>('#options input, select')) {
        expect(control.labels?.length ?? 0, control.id || control.name).to.be.greaterThan(0);
        expect(control.closest('fieldset'), control.id || control.name).to.not.equal(null);
      }
      for (const fieldset of doc.querySelectorAll('fieldset')) {
        expect(fieldset.querySelector(':scope > legend')?.textContent!.trim()).to.not.equal('');
      }
      // A narrow preview shows its list first and its map one tap away.
      const mapButton = preview.shadowRoot!.querySelector<HTMLElement>('[part~="view-map"]');
      if (mapButton?.offsetParent) mapButton.click();
      await waitUntil(
        () => preview.shadowRoot!.querySelector('.leaflet-container'),
        'no preview map',
        {
          timeout: 10_000,
        },
      );
      await audit(win, doc);
    });
  });
});
