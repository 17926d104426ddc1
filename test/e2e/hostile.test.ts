// End to end on hostile host pages: the built dist/clinic-locator.js, one script tag, in real
// Chromium, inside an iframe (as test/e2e/script-tag.test.ts). Every page is compared with the
// plain page (test/e2e/pages/plain.html): same clinics in the same order, same status line, same
// control sizes. Headers for strict-csp.html and no-referrer.html, and the tiles that need a
// Referer, come from a middleware in web-test-runner.config.js.
import { expect, waitUntil } from '@open-wc/testing';
import { openPage as openFrame } from './frame.js';

interface Violation {
  blockedURI: string;
  violatedDirective: string;
  sourceFile: string;
  lineNumber: number;
  sample: string;
}

type TestWindow = Window &
  typeof globalThis & { __cspViolations?: Violation[]; __errors?: string[] };

interface Rendered {
  ids: string[];
  names: string[];
  status: string;
  eventIds: string[];
  heights: Record<string, number>;
}

const CONTROLS = {
  input: '[part~="search-input"]',
  searchButton: '[part~="search-button"]',
  locateButton: '[part~="locate-button"]',
  radius: '[part~="radius-select"]',
  filterChip: '[part~="filter-chip"]',
};

const openPage = (path: string) => openFrame<TestWindow>(path);

/** Searches 49503 as a visitor would and returns what the widget shows. */
async function searchAndRead(doc: Document): Promise<Rendered> {
  const host = doc.querySelector('clinic-locator')!;
  const root = host.shadowRoot!;
  const searched = new Promise<{ results: { id: string }[] }>((resolve) =>
    host.addEventListener('clinic-search', (e) => resolve(e as unknown as never), { once: true }),
  );
  const input = root.querySelector<HTMLInputElement>(CONTROLS.input)!;
  input.value = '49503';
  root.querySelector<HTMLButtonElement>(CONTROLS.searchButton)!.click();
  const event = await searched;
  await waitUntil(() => root.querySelectorAll('[part~="result"]').length > 0, 'no results', {
    timeout: 10_000,
  });
  const status = () => root.querySelector('[part~="status"]')!.textContent!.trim();
  await waitUntil(() => /clinics within/.test(status()), 'no status', { timeout: 10_000 });
  const results = [...root.querySelectorAll<HTMLElement>('[part~="result"]')];
  // The radius control is in the filters panel: open it to measure.
  const toggle = root.querySelector<HTMLButtonElement>('[part~="filters-toggle"]')!;
  if (toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
  await waitUntil(() => toggle.getAttribute('aria-expanded') === 'true');
  const heights: Record<string, number> = {};
  for (const [name, selector] of Object.entries(CONTROLS)) {
    const el = root.querySelector(selector);
    heights[name] = el ? el.getBoundingClientRect().height : -1;
  }
  return {
    ids: results.map((r) => r.dataset.id!),
    names: results.map((r) => r.querySelector('[part~="result-name"]')!.textContent!.trim()),
    status: status(),
    eventIds: event.results.map((r) => r.id),
    heights,
  };
}

/** The computed `props` of each selector's element are the same in `root` as in `reference`. */
function expectSameStyles(
  root: ShadowRoot,
  reference: ShadowRoot,
  selectors: readonly string[],
  props: readonly (keyof CSSStyleDeclaration & string)[],
): void {
  for (const selector of selectors) {
    const actual = getComputedStyle(root.querySelector(selector)!);
    const expected = getComputedStyle(reference.querySelector(selector)!);
    for (const prop of props) {
      expect(actual[prop], `${selector} ${prop}`).to.equal(expected[prop]);
    }
  }
}

function expectSameAsPlain(actual: Rendered, plain: Rendered): void {
  expect(actual.ids).to.deep.equal(plain.ids);
  expect(actual.names).to.deep.equal(plain.names);
  expect(actual.eventIds).to.deep.equal(plain.eventIds);
  expect(actual.status).to.equal(plain.status);
}

async function tilesLoaded(root: ShadowRoot): Promise<HTMLImageElement[]> {
  await waitUntil(() => root.querySelector('img.leaflet-tile-loaded'), 'no tile loaded', {
    timeout: 10_000,
  });
  return [...root.querySelectorAll<HTMLImageElement>('img.leaflet-tile-loaded')];
}

function violationsText(win: TestWindow): string {
  return (win.__cspViolations ?? [])
    .map((v) => `${v.violatedDirective} blocked ${v.blockedURI} (${v.sourceFile}:${v.lineNumber})`)
    .join('\n');
}

describe('dist/clinic-locator.js on hostile pages', () => {
  let plain: Rendered;

  before(async () => {
    const { doc } = await openPage('/test/e2e/pages/plain.html');
    plain = await searchAndRead(doc);
    document.querySelectorAll('iframe').forEach((f) => f.remove());
    expect(plain.ids).to.have.length(10);
  });

  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  describe('aggressive global CSS (hostile-css.html)', () => {
    it('shows the same clinics, in the same order, with the same status', async () => {
      const { win, doc } = await openPage('/test/e2e/pages/hostile-css.html');
      const rendered = await searchAndRead(doc);
      expectSameAsPlain(rendered, plain);
      expect(win.__errors).to.deep.equal([]);
    });

    it('keeps the size of the input and the buttons', async () => {
      const { doc } = await openPage('/test/e2e/pages/hostile-css.html');
      const rendered = await searchAndRead(doc);
      for (const [name, height] of Object.entries(plain.heights)) {
        expect(height, `${name} on the plain page`).to.be.greaterThan(0);
        expect(rendered.heights[name], name).to.be.closeTo(height, 3);
      }
    });

    it('shows 256×256 tiles without padding, border or scaling', async () => {
      const { doc } = await openPage('/test/e2e/pages/hostile-css.html');
      const root = doc.querySelector('clinic-locator')!.shadowRoot!;
      await searchAndRead(doc);
      await waitUntil(
        () => root.querySelectorAll('.leaflet-marker-icon').length === 11,
        'markers',
        {
          timeout: 10_000,
        },
      );
      const tiles = await tilesLoaded(root);
      for (const tile of tiles) {
        const style = getComputedStyle(tile);
        expect(style.paddingTop, 'padding').to.equal('0px');
        expect(style.paddingLeft, 'padding').to.equal('0px');
        expect(style.borderTopWidth, 'border').to.equal('0px');
        expect(style.width).to.equal('256px');
        expect(style.height).to.equal('256px');
        expect(tile.naturalWidth).to.equal(256);
      }
    });

    it('does not let the page’s inherited text styles into the list', async () => {
      const { doc } = await openPage('/test/e2e/pages/hostile-css.html');
      const root = doc.querySelector('clinic-locator')!.shadowRoot!;
      await searchAndRead(doc);
      const plainFrame = await openPage('/test/e2e/pages/plain.html');
      const plainRoot = plainFrame.doc.querySelector('clinic-locator')!.shadowRoot!;
      await searchAndRead(plainFrame.doc);
      expectSameStyles(
        root,
        plainRoot,
        ['[part~="result-name"]', '[part~="result-address"]'],
        ['fontSize', 'lineHeight', 'textAlign', 'whiteSpace'],
      );
    });
  });

  // Inherited text properties set on an ancestor cross the shadow boundary: :host resets them
  // (italics, bold, letter- and word-spacing, capitals, text-indent, text shadow), keeping only
  // the page's font family.
  it('does not let the page’s inherited letter-spacing, capitals, italics… in', async () => {
    const { doc } = await openPage('/test/e2e/pages/hostile-css.html');
    const root = doc.querySelector('clinic-locator')!.shadowRoot!;
    await searchAndRead(doc);
    const props = [
      'fontStyle',
      'fontWeight',
      'letterSpacing',
      'wordSpacing',
      'textTransform',
      'textIndent',
      'textShadow',
      'cursor',
    ] as const;
    const plainFrame = await openPage('/test/e2e/pages/plain.html');
    const plainRoot = plainFrame.doc.querySelector('clinic-locator')!.shadowRoot!;
    await searchAndRead(plainFrame.doc);
    const selectors = [
      '[part~="status"]',
      '[part~="result-address"]',
      '[part~="result-services"] li',
    ];
    expectSameStyles(root, plainRoot, selectors, props);
  });

  // Many themes set `html { font-size: 62.5% }` (so 1rem = 10px): the widget's size is `medium`
  // (the visitor's default size, whatever the page's root) and its lengths are in em.
  it('keeps its size on a page with html { font-size: 62.5% }', async () => {
    const { doc } = await openPage('/test/e2e/pages/hostile-css.html');
    doc.documentElement.style.fontSize = '62.5%';
    const rendered = await searchAndRead(doc);
    for (const [name, height] of Object.entries(plain.heights)) {
      expect(rendered.heights[name], name).to.be.closeTo(height, 3);
    }
  });

  describe('strict Content-Security-Policy (strict-csp.html)', () => {
    it('works without any CSP violation, and shows what the plain page shows', async () => {
      const { win, doc } = await openPage('/test/e2e/pages/strict-csp.html');
      // The hook (record-violations.js, loaded before the widget's script) is in place, so
      // the header really is there: an inline script would have been blocked.
      expect(win.__cspViolations, 'the hook did not run').to.be.an('array');
      const root = doc.querySelector('clinic-locator')!.shadowRoot!;
      const rendered = await searchAndRead(doc);
      expectSameAsPlain(rendered, plain);
      await waitUntil(
        () => root.querySelectorAll('.leaflet-marker-icon').length === 11,
        'markers',
        {
          timeout: 10_000,
        },
      );
      await tilesLoaded(root);

      // Exercise the other lazy parts: a selection, more results, suggestions for letters.
      root.querySelectorAll<HTMLButtonElement>('[part~="result-button"]')[1]!.click();
      await waitUntil(() => root.querySelector('[part~="result"][aria-current="true"]'));
      const shown = root.querySelectorAll('[part~="result"]').length;
      const more = root.querySelector<HTMLButtonElement>('[part~="show-more"]');
      more?.click();
      // "Show more" moves focus to the first new result: let it, before typing in the box.
      if (more) {
        await waitUntil(() => root.querySelectorAll('[part~="result"]').length > shown);
        await waitUntil(() => root.activeElement?.matches('[part~="result-button"]'));
      }
      const input = root.querySelector<HTMLInputElement>(CONTROLS.input)!;
      input.focus();
      input.value = 'grand rap';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await waitUntil(
        () => root.querySelectorAll('[part~="suggestion"]').length > 0,
        'no suggestions',
        { timeout: 10_000 },
      );
      // Violations are reported asynchronously: give them a moment to arrive.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(win.__cspViolations, violationsText(win)).to.deep.equal([]);
      expect(win.__errors).to.deep.equal([]);
    });

    it('really is served with the policy (an inline style attribute is reported)', async () => {
      const { win, doc } = await openPage('/test/e2e/pages/strict-csp.html');
      const probe = doc.createElement('div');
      probe.innerHTML = '<span style="color: red">probe</span>';
      doc.body.append(probe);
      await waitUntil(() => win.__cspViolations!.length > 0, 'no violation reported', {
        timeout: 5_000,
      });
      expect(win.__cspViolations![0]!.violatedDirective).to.match(/^style-src/);
    });
  });

  describe('map tiles that fail (offline-tiles.html)', () => {
    it('lists the clinics and says on the map that tiles are unavailable', async () => {
      const { doc } = await openPage('/test/e2e/pages/offline-tiles.html');
      const root = doc.querySelector('clinic-locator')!.shadowRoot!;
      const rendered = await searchAndRead(doc);
      expectSameAsPlain(rendered, plain);
      await waitUntil(
        () => root.querySelector<HTMLElement>('.clinic-map-notice:not([hidden])'),
        'no tile notice',
        { timeout: 10_000 },
      );
      const notice = root.querySelector<HTMLElement>('.clinic-map-notice')!;
      expect(notice.getAttribute('role')).to.equal('status');
      expect(notice.textContent!.trim()).to.not.equal('');
      expect(getComputedStyle(notice).display).to.not.equal('none');
      expect(notice.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(root.querySelector('#map')!.contains(notice)).to.equal(true);
    });
  });

  describe('Referrer-Policy: no-referrer (no-referrer.html)', () => {
    it('still sends a Referer with tile requests, so tiles load', async () => {
      const { doc, win } = await openPage('/test/e2e/pages/no-referrer.html');
      // The page itself sends none: a fetch from it carries no Referer and is refused.
      const direct = await win.fetch('/tiles-need-referer/10/267/378.png');
      expect(direct.status).to.equal(403);

      const root = doc.querySelector('clinic-locator')!.shadowRoot!;
      await searchAndRead(doc);
      const tiles = await tilesLoaded(root);
      expect(tiles.length).to.be.greaterThan(0);
      expect(new URL(tiles[0]!.src).pathname).to.match(/^\/tiles-need-referer\//);
      expect(tiles[0]!.referrerPolicy).to.equal('strict-origin-when-cross-origin');
      expect(root.querySelector<HTMLElement>('.clinic-map-notice')?.hidden ?? true).to.equal(true);
    });
  });
});
