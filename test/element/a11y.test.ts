// Accessibility of <clinic-locator> (WCAG 2.2 AA): an axe audit in every visible state, a
// keyboard-only walk, contrast of the default and the documented dark theme, target sizes,
// narrow and zoomed layouts, and what the status region announces in English and Spanish.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import { holdFetch, mount, type Harness } from './harness.js';
import { clinics } from './fixtures.js';

/** The focused element, looking through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const partOf = (el: Element | null) => el?.getAttribute('part') ?? el?.className ?? el?.tagName;

// WCAG relative luminance and contrast ratio of two `rgb()`/`rgba()` colours.
function rgb(color: string): [number, number, number] {
  const [r, g, b] = color.match(/[\d.]+/g)!.map(Number);
  return [r!, g!, b!];
}
function luminance(color: string): number {
  const [r, g, b] = rgb(color).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('<clinic-locator> accessibility in every state', () => {
  let restore: (() => void) | undefined;
  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  it('initial, suggestions open, results, filters applied, show more, approximate', async () => {
    const h = await mount({ limit: '4' }, clinics);
    await expect(h.el).to.be.accessible();
    h.type('grand rap');
    await waitUntil(() => h.input().getAttribute('aria-expanded') === 'true');
    await expect(h.el).to.be.accessible();
    await h.search('49503');
    await expect(h.el).to.be.accessible();
    h.part('filters-toggle').click();
    h.parts('filter-chip')
      .find((c) => c.textContent!.includes('Back pain'))!
      .click();
    await h.el.updateComplete;
    await expect(h.el).to.be.accessible();
    h.part('show-more').click();
    await waitUntil(() => h.ids().length === 8);
    await expect(h.el).to.be.accessible();
    await h.search('49598');
    await expect(h.el).to.be.accessible();
  });

  it('loading, nothing nearby, error', async () => {
    // Hold the clinic file so the search stays in its loading state.
    const held = holdFetch('good.csv');
    restore = held.restore;
    const release = held.release;
    const h = await mount({ src: '/test/fixtures/element/good.csv' });
    await waitUntil(() => h.status() === 'Loading clinics…');
    await expect(h.el).to.be.accessible();
    h.type('49503');
    h.submit();
    await waitUntil(() => h.status() === 'Searching…');
    expect(h.part('status').getAttribute('aria-busy')).to.equal('true');
    await expect(h.el).to.be.accessible();
    release();
    await waitUntil(() => h.part('status').getAttribute('aria-busy') === 'false');
    await h.search('59001');
    expect(h.status()).to.match(/^No clinics within/);
    await expect(h.el).to.be.accessible();
    h.type('qqqqzzzz');
    h.submit();
    await waitUntil(() => h.status().startsWith('We could not find'));
    await expect(h.el).to.be.accessible();
  });

  it('location pending and denied', async () => {
    let deny: (() => void) | undefined;
    const stub = sinon.stub(navigator.geolocation, 'getCurrentPosition').callsFake((_ok, fail) => {
      deny = () => fail!({ code: 1, message: 'denied' } as GeolocationPositionError);
    });
    restore = () => stub.restore();
    const h = await mount({}, clinics);
    h.part('locate-button').click();
    await waitUntil(() => h.status() === 'Finding your location…');
    await expect(h.el).to.be.accessible();
    deny!();
    await waitUntil(() => h.status().startsWith('You did not allow'));
    await expect(h.el).to.be.accessible();
  });

  it('the map opened in the compact layout (real Leaflet map)', async () => {
    const el = await fixture(
      html`<clinic-locator
        layout="compact"
        tile-url="/tiles/{z}/{x}/{y}.png"
        .clinics=${clinics}
      ></clinic-locator>`,
    );
    const root = el.shadowRoot!;
    const input = root.querySelector<HTMLInputElement>('[part~="search-input"]')!;
    input.value = '49503';
    root.querySelector<HTMLButtonElement>('[part~="search-button"]')!.click();
    await waitUntil(() => root.querySelectorAll('[part~="result"]').length === 3);
    root.querySelector<HTMLButtonElement>('[part~="map-toggle"]')!.click();
    await waitUntil(() => root.querySelectorAll('.leaflet-marker-icon').length === 4);
    await expect(el).to.be.accessible();
  });
});

describe('<clinic-locator> keyboard only', () => {
  async function tabUntil(h: Harness, part: string, max = 60): Promise<string[]> {
    const seen: string[] = [];
    for (let i = 0; i < max; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive();
      seen.push(String(partOf(active)));
      if (active?.getAttribute('part')?.split(' ').includes(part)) return seen;
    }
    throw new Error(`never reached ${part}: ${seen.join(' → ')}`);
  }

  it('reaches every action in a logical order, with visible focus, and never loses focus', async () => {
    const h = await mount({ limit: '2' }, clinics);
    h.input().focus();
    // Type and search with the keyboard alone.
    await sendKeys({ type: '49503' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => h.ids().length === 2);
    expect(deepActive()).to.equal(h.input());
    const order = await tabUntil(h, 'show-more');
    const first = (part: string) => order.findIndex((p) => p.split(' ').includes(part));
    const sequence = [
      'search-button',
      'locate-button',
      'filters-toggle',
      'result-button',
      'result-phone',
      'result-directions',
      'result-website',
      'show-more',
    ].map(first);
    expect(
      sequence.every((index) => index >= 0),
      order.join(' → '),
    ).to.equal(true);
    expect([...sequence].sort((a, b) => a - b)).to.deep.equal(sequence);
    // Focus is visible on every stop: an outline drawn by :focus-visible.
    const focused = deepActive() as HTMLElement;
    expect(getComputedStyle(focused).outlineStyle).to.not.equal('none');
    // Enter on "Show more" adds clinics and moves focus to the first new one, not to the page.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => h.ids().length === 4);
    expect(deepActive()).to.equal(h.parts('result-button')[2]);
    // Space selects a clinic; focus stays.
    await sendKeys({ press: 'Space' });
    await waitUntil(() => h.parts('result')[2]!.getAttribute('aria-current') === 'true');
    expect(deepActive()).to.equal(h.parts('result-button')[2]);
    // Shift+Tab goes back the way it came.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(deepActive()?.getAttribute('part')).to.match(
      /result-(book|directions|website|phone|share)/,
    );
  });

  it('offers "Skip the map", which moves focus past the markers', async () => {
    const h = await mount({ limit: '2' }, clinics);
    await h.search('49503');
    await h.map();
    h.parts('result-button')[1]!.focus();
    const order = await tabUntil(h, 'skip-map');
    expect(order.length).to.be.below(10);
    const skip = deepActive() as HTMLElement;
    expect(skip.getBoundingClientRect().height).to.be.at.least(24);
    await sendKeys({ press: 'Enter' });
    expect(deepActive()?.id).to.equal('after-map');
  });

  it('Escape closes the suggestions, and a second Escape clears the box', async () => {
    const h = await mount({}, clinics);
    h.input().focus();
    await sendKeys({ type: 'grand rap' });
    await waitUntil(() => h.input().getAttribute('aria-expanded') === 'true');
    await sendKeys({ press: 'Escape' });
    await h.el.updateComplete;
    expect(h.input().getAttribute('aria-expanded')).to.equal('false');
    expect(h.input().value).to.equal('grand rap');
    await sendKeys({ press: 'Escape' });
    expect(h.input().value).to.equal('');
    expect(deepActive()).to.equal(h.input());
  });
});

describe('<clinic-locator> contrast, targets and narrow screens', () => {
  const DARK = `
    --clinic-locator-accent: #8ab4f8;
    --clinic-locator-accent-text: #0b1b33;
    --clinic-locator-text: #e6edf3;
    --clinic-locator-muted: #aeb8c2;
    --clinic-locator-surface: #16191d;
    --clinic-locator-selected-surface: #1f2a37;
    --clinic-locator-border: #7d8590;
    --clinic-locator-error: #ff9a8f;
  `;

  for (const [theme, style] of [
    ['default', ''],
    ['documented dark', DARK],
  ] as const) {
    it(`has text contrast ≥ 4.5:1 and control contrast ≥ 3:1 in the ${theme} theme`, async () => {
      const h = await mount({ style }, clinics);
      await h.search('49503');
      h.parts('filter-chip')[0]!.click();
      h.parts('result-button')[0]!.click();
      await h.el.updateComplete;
      const css = (el: Element) => getComputedStyle(el);
      const surface = css(h.el).backgroundColor;
      const selected = css(h.parts('result')[0]!).backgroundColor;
      const text = [
        ['status', css(h.part('status')).color, surface],
        ['address', css(h.parts('result-address')[1]!).color, surface],
        ['link', css(h.parts('result-website')[1]!).color, surface],
        ['name (selected)', css(h.parts('result-name')[0]!).color, selected],
        ['address (selected)', css(h.parts('result-address')[0]!).color, selected],
        [
          'search button',
          css(h.part('search-button')).color,
          css(h.part('search-button')).backgroundColor,
        ],
        [
          'chip (pressed)',
          css(h.parts('filter-chip')[0]!).color,
          css(h.parts('filter-chip')[0]!).backgroundColor,
        ],
        [
          'rank',
          css(h.el.shadowRoot!.querySelector('.rank')!).color,
          css(h.el.shadowRoot!.querySelector('.rank')!).backgroundColor,
        ],
      ] as const;
      for (const [what, fg, bg] of text) {
        expect(contrast(fg, bg), `${what}: ${fg} on ${bg}`).to.be.at.least(4.5);
      }
      const controls = [
        ['input border', css(h.input()).borderTopColor, surface],
        ['chip border', css(h.parts('filter-chip')[1]!).borderTopColor, surface],
        ['result border', css(h.parts('result')[1]!).borderTopColor, surface],
        ['focus ring (accent)', css(h.part('search-button')).backgroundColor, surface],
      ] as const;
      for (const [what, fg, bg] of controls) {
        expect(contrast(fg, bg), `${what}: ${fg} on ${bg}`).to.be.at.least(3);
      }
      h.type('qqqqzzzz');
      h.submit();
      await waitUntil(() => h.status().startsWith('We could not find'));
      expect(contrast(css(h.part('status')).color, surface), 'error').to.be.at.least(4.5);
    });
  }

  it('makes every target at least 24×24 px', async () => {
    const h = await mount({}, clinics);
    await h.search('49503');
    const targets = [
      ...h.el.shadowRoot!.querySelectorAll<HTMLElement>('button, a, input, select, summary'),
    ].filter((el) => el.getClientRects().length > 0);
    expect(targets.length).to.be.above(20);
    for (const el of targets) {
      // The skip link is out of sight until it has focus: it is a target only then.
      if (el.matches('[part~="skip-map"]')) el.focus();
      const { width, height } = el.getBoundingClientRect();
      expect(Math.min(width, height), `${partOf(el)} ${el.textContent?.trim()}`).to.be.at.least(24);
    }
  });

  for (const [what, style] of [
    ['320 px wide', 'width: 320px'],
    ['320 px wide with text at 200 %', 'width: 320px; --clinic-locator-font-size: 2rem'],
  ] as const) {
    it(`needs no horizontal scrolling ${what}`, async () => {
      const h = await mount({ style }, clinics);
      await h.search('49503');
      await expect(h.el).to.be.accessible();
      const overflow = [...h.el.shadowRoot!.querySelectorAll<HTMLElement>('*')].filter(
        (el) => el.getBoundingClientRect().right > h.el.getBoundingClientRect().right + 1,
      );
      expect(overflow.map((el) => partOf(el))).to.deep.equal([]);
    });
  }
});

describe('<clinic-locator> announcements', () => {
  it('announces each outcome once, in English and in Spanish', async () => {
    for (const [lang, expected] of [
      ['en', '11 clinics within 25 miles of 49503 Grand Rapids, MI; nearest 0.1 miles'],
      [
        'es',
        '11 clínicas a menos de 25 millas de 49503 Grand Rapids, MI; la más cercana a 0.1 millas',
      ],
    ] as const) {
      const h = await mount({ lang }, clinics);
      await waitUntil(() =>
        lang === 'es' ? h.part('search-button').textContent!.trim() === 'Buscar' : true,
      );
      const region = h.part('status');
      expect(region.getAttribute('aria-live')).to.equal('polite');
      // What a screen reader hears: the region's text each time it is not busy.
      const heard: string[] = [];
      new MutationObserver(() => {
        if (region.getAttribute('aria-busy') !== 'true') {
          const text = h.status();
          if (heard.at(-1) !== text) heard.push(text);
        }
      }).observe(region, { subtree: true, childList: true, characterData: true, attributes: true });
      await h.search('49503');
      await h.el.updateComplete;
      expect(heard).to.deep.equal([expected]);
      // A list item reads as name, distance, address; its actions are named.
      const first = h.parts('result-button')[0]!;
      expect(first.textContent!.replace(/\s+/g, ' ').trim()).to.match(
        /^1 Alpha PT 0\.1 mi 1 Sample Way, Suite 2, Grand Rapids, MI 49503$/,
      );
      expect(h.el.shadowRoot!.querySelector('.rank')!.getAttribute('aria-hidden')).to.equal('true');
    }
  });
});
