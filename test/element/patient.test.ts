// What a patient reads on a card before calling: the clinic's status, whether it takes new
// patients, building access; a temporarily closed clinic stays listed but is never "the nearest"
// and takes no bookings.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { ClinicActionEvent } from '../../src/element/events.js';
import type { Clinic } from '../../src/domain/clinic.js';
import sinon from 'sinon';
import { clinics } from './fixtures.js';
import { mount } from './harness.js';

const byId = new Map(clinics.map((c) => [c.id, c]));
const patched: Clinic[] = clinics.map((c) => {
  switch (c.id) {
    case 'c01':
      return { ...c, status: 'temporarily-closed', statusNote: 'Reopens January 12' };
    case 'c02':
      return {
        ...c,
        acceptingNewPatients: true,
        accessibility: ['wheelchair-entrance', 'accessible-parking'],
      };
    case 'c03':
      return { ...c, acceptingNewPatients: false, status: 'telehealth-only' };
    default:
      return c;
  }
});

const card = (root: ShadowRoot, id: string) =>
  root.querySelector<HTMLElement>(`.list [part~="result"][data-id="${id}"]`)!;
const text = (el: Element | null | undefined) => el?.textContent!.replace(/\s+/g, ' ').trim();

describe('<clinic-locator> what a patient needs on a card', () => {
  it('marks a temporarily closed clinic, keeps it listed, offers no booking, never calls it the nearest', async () => {
    const h = await mount({}, [
      ...patched.filter((c) => c.id !== 'c02'),
      // c02 with a booking link: the nearest open clinic.
      { ...byId.get('c02')!, bookingUrl: 'https://example.org/book/c02' },
      { ...patched.find((c) => c.id === 'c01')!, id: 'c01b', bookingUrl: 'https://example.org/b' },
    ]);
    await h.search('49503');
    const root = h.el.shadowRoot!;
    expect(h.ids().slice(0, 2)).to.have.members(['c01', 'c01b']);
    const closed = card(root, 'c01b');
    expect(text(closed.querySelector('[part~="result-status"]'))).to.equal('Temporarily closed');
    expect(text(closed.querySelector('[part~="result-status-note"]'))).to.equal(
      'Reopens January 12',
    );
    expect(closed.querySelector('[part~="result-book"]')).to.equal(null);
    expect(card(root, 'c02').querySelector('[part~="result-book"]')).to.not.equal(null);
    // c02 (2.2 km) is the nearest open clinic; c01 (0.1 km) is closed.
    expect(h.status()).to.match(/; nearest 1\.4 miles$/);
    await expect(h.el).to.be.accessible();
  });

  it('says whether a clinic takes new patients, and its building access', async () => {
    const h = await mount({}, patched);
    await h.search('49503');
    const root = h.el.shadowRoot!;
    expect(text(card(root, 'c02').querySelector('[part~="result-new-patients"]'))).to.equal(
      'Accepting new patients',
    );
    expect(text(card(root, 'c03').querySelector('[part~="result-new-patients"]'))).to.equal(
      'Not accepting new patients',
    );
    expect(card(root, 'c04').querySelector('[part~="result-new-patients"]')).to.equal(null);
    const access = card(root, 'c02').querySelector('[part~="result-access"]')!;
    expect(access.getAttribute('aria-label')).to.equal('Access');
    expect([...access.querySelectorAll('li')].map(text)).to.deep.equal([
      'Wheelchair-accessible entrance',
      'Accessible parking',
    ]);
    expect(text(card(root, 'c03').querySelector('[part~="result-status"]'))).to.equal(
      'Telehealth visits only',
    );
    await expect(h.el).to.be.accessible();
  });

  it('says it all in Spanish', async () => {
    const h = await mount({ lang: 'es' }, patched);
    await waitUntil(() => h.part('search-button').textContent!.trim() === 'Buscar');
    await h.search('49503');
    const root = h.el.shadowRoot!;
    expect(text(card(root, 'c01').querySelector('[part~="result-status"]'))).to.equal(
      'Cerrada temporalmente',
    );
    expect(text(card(root, 'c02').querySelector('[part~="result-new-patients"]'))).to.equal(
      'Acepta pacientes nuevos',
    );
    expect(text(card(root, 'c02').querySelector('[part~="result-access"] li'))).to.equal(
      'Entrada accesible en silla de ruedas',
    );
    await expect(h.el).to.be.accessible();
  });

  it('renders a status note from data as text, never as HTML', async () => {
    const note = '<img src=x onerror="window.__pwned=1">Reopens soon';
    const h = await mount({}, [{ ...clinics[1]!, status: 'temporarily-closed', statusNote: note }]);
    await h.search('49503');
    const el = h.el.shadowRoot!.querySelector('[part~="result-status-note"]')!;
    expect(el.textContent!.trim()).to.equal(note);
    expect(el.querySelector('img')).to.equal(null);
  });
});

const insured: Clinic[] = clinics.map((c, i) => ({
  ...c,
  insurance:
    c.id === 'c01'
      ? ['medicare', 'aetna', 'cigna', 'humana', 'tricare']
      : i % 2
        ? ['medicare']
        : ['aetna'],
  acceptingNewPatients: c.id === 'c04' ? false : true,
  accessibility: c.id === 'c02' ? [] : ['wheelchair-entrance'],
  languages: c.id === 'c05' ? ['en', 'vi'] : c.languages,
}));

describe('<clinic-locator> insurance, new patients, access and languages as filters', () => {
  it('lists a clinic’s plans short, then all of them behind Details, with the advice to check', async () => {
    const h = await mount({}, insured);
    await h.search('49503');
    const root = h.el.shadowRoot!;
    const c01 = card(root, 'c01');
    expect(text(c01.querySelector('[part~="result-insurance"]'))).to.equal(
      'Accepts Medicare, Aetna, and 3 more',
    );
    const toggle = c01.querySelector<HTMLButtonElement>('[part~="result-details-toggle"]')!;
    const details = c01.querySelector<HTMLElement>('[part~="result-details"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-label')).to.equal('Details about Alpha PT');
    expect(details.getClientRects()).to.have.length(0);
    toggle.click();
    await h.el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(details.getClientRects().length).to.be.above(0);
    const plans = details.querySelector('[part~="result-plans"]')!;
    expect(text(plans.querySelector('.plans-label'))).to.equal('Insurance plans accepted');
    expect([...plans.querySelectorAll('li')].map(text)).to.deep.equal([
      'Medicare',
      'Aetna',
      'Cigna',
      'Humana',
      'TRICARE',
    ]);
    expect(text(plans.querySelector('.plan-note'))).to.equal(
      'Check with the clinic that your plan is accepted.',
    );
    await expect(h.el).to.be.accessible();
    // Only that card opened; it closes again.
    expect(
      card(root, 'c02').querySelector<HTMLElement>('[part~="result-details"]')!.hidden,
    ).to.equal(true);
    toggle.click();
    await h.el.updateComplete;
    expect(details.hidden).to.equal(true);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  });

  it('filters by one plan (only plans the clinics accept are offered), listing it first', async () => {
    const h = await mount({}, insured);
    await h.search('49503');
    h.part('filters-toggle').click();
    await h.el.updateComplete;
    const select = h.part('insurance-select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal([
      'Any plan',
      'Aetna',
      'Cigna',
      'Humana',
      'Medicare',
      'TRICARE',
    ]);
    select.value = 'humana';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => h.ids().join() === 'c01');
    expect(h.status()).to.match(/^1 clinic accepting Humana, within 25 miles/);
    const first = card(h.el.shadowRoot!, 'c01').querySelector('[part~="result-insurance"]');
    expect(text(first)).to.equal('Accepts Humana, Medicare, and 3 more');
    expect(h.part('filters-toggle').textContent!.trim()).to.equal('Filters (1)');
    await expect(h.el).to.be.accessible();
  });

  it('presets a plan and languages from attributes, changeable by the visitor', async () => {
    const h = await mount({ insurance: 'aetna', languages: 'vi' }, insured);
    await h.search('49503');
    expect(h.ids()).to.deep.equal(['c05']);
    expect(h.status()).to.match(
      /^1 clinic accepting Aetna, with Vietnamese-speaking staff, within 25 miles/,
    );
    h.part('filters-toggle').click();
    await h.el.updateComplete;
    const vi = h.parts('filter-chip').find((c) => c.textContent!.includes('Vietnamese'))!;
    expect(vi.getAttribute('aria-pressed')).to.equal('true');
    vi.click();
    await waitUntil(() => h.ids().length > 1);
    expect((h.part('insurance-select') as HTMLSelectElement).value).to.equal('aetna');
  });

  it('filters by accepting new patients and a wheelchair-accessible entrance', async () => {
    const h = await mount({}, insured);
    await h.search('49503');
    h.part('filters-toggle').click();
    await h.el.updateComplete;
    const chip = (label: string) =>
      h.parts('filter-chip').find((c) => c.textContent!.trim().startsWith(label))!;
    chip('Accepting new patients').click();
    await waitUntil(() => !h.ids().includes('c04'));
    chip('Wheelchair accessible').click();
    await waitUntil(() => !h.ids().includes('c02'));
    expect(h.status()).to.match(
      /^\d+ clinics taking new patients, with a wheelchair-accessible entrance, within 25 miles/,
    );
    await expect(h.el).to.be.accessible();
  });

  it('names the languages and plans in Spanish', async () => {
    const h = await mount({ lang: 'es' }, insured);
    await waitUntil(() => h.part('search-button').textContent!.trim() === 'Buscar');
    await h.search('49503');
    h.part('filters-toggle').click();
    await h.el.updateComplete;
    expect(
      h.parts('filter-chip').map((c) => c.textContent!.trim().replace(/\s+\d+$/, '')),
    ).to.include.members(['Personal que habla vietnamita', 'Acepta pacientes nuevos']);
    expect(
      (h.part('insurance-select') as HTMLSelectElement).options[0]!.textContent!.trim(),
    ).to.equal('Cualquier plan');
    await expect(h.el).to.be.accessible();
  });
});

describe('<clinic-locator> hours that are true this week', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(() => clock?.restore());

  /** Mounts with the clinic's hours and special hours, at `now` (only Date is faked). */
  async function at(now: string, specialHours: string, lang = 'en') {
    clock = sinon.useFakeTimers({ now: new Date(now), toFake: ['Date'] });
    const clinic: Clinic = {
      ...clinics[1]!,
      hours: 'Mo-Fr 08:00-18:00',
      timezone: 'America/Detroit',
      specialHours,
    };
    const h = await mount({ lang }, [clinic]);
    if (lang !== 'en')
      await waitUntil(() => h.part('search-button').textContent!.trim() !== 'Search');
    await h.search('49503');
    return text(h.el.shadowRoot!.querySelector('[part~="result-hours"]'));
  }

  it('says a holiday closure today, and when the clinic opens next', async () => {
    // Friday 2026-12-25, 10:00 in Detroit; closed through the weekend: opens Monday.
    expect(await at('2026-12-25T15:00:00Z', '2026-12-25 closed')).to.equal(
      'Closed today (holiday) · opens Mon 8 AM',
    );
  });

  it('says special hours today', async () => {
    // Thursday 2026-12-24, 10:00 in Detroit: open until 1 PM.
    expect(await at('2026-12-24T15:00:00Z', '2026-12-24 09:00-13:00')).to.equal(
      'Special hours today: 9 AM–1 PM · Open now · closes 1 PM',
    );
  });

  it('skips a closure of more than a week and names the date it ends', async () => {
    expect(await at('2026-12-21T15:00:00Z', '2026-12-21..2027-01-03 closed')).to.equal(
      'Closed today (holiday) · opens Jan 4 8 AM',
    );
  });

  it('says it in Spanish', async () => {
    expect(await at('2026-12-25T15:00:00Z', '2026-12-25 closed', 'es')).to.match(
      /^Cerrado hoy \(día festivo\) · abre el lun\.? a las 8/,
    );
  });
});

describe('<clinic-locator> report a problem, and what the events carry', () => {
  it('links each card to report-url with its id and name, UTM untouched, and fires clinic-action', async () => {
    const h = await mount(
      {
        'report-url': 'https://network.example/report?clinic={id}&name={name}',
        'utm-source': 'article',
      },
      patched,
    );
    await h.search('49503');
    const link = card(h.el.shadowRoot!, 'c02').querySelector<HTMLAnchorElement>(
      '[part~="result-report"]',
    )!;
    expect(text(link)).to.equal('Report incorrect information');
    expect(link.href).to.equal('https://network.example/report?clinic=c02&name=Bravo%20PT');
    expect(link.getAttribute('aria-label')).to.equal(
      'Report incorrect information about Bravo PT (opens in a new tab)',
    );
    const action = oneEvent(h.el, 'clinic-action') as Promise<ClinicActionEvent>;
    link.addEventListener('click', (e) => e.preventDefault(), { once: true });
    link.click();
    expect(await action).to.include({ action: 'report', clinicId: 'c02', href: link.href });
    await expect(h.el).to.be.accessible();
  });

  it('offers no report link for a template that is not http(s)', async () => {
    const h = await mount({ 'report-url': 'javascript:alert({id})' }, patched);
    await h.search('49503');
    expect(h.el.shadowRoot!.querySelector('[part~="result-report"]')).to.equal(null);
  });

  it('reports each result’s status and whether it takes new patients in clinic-search', async () => {
    const h = await mount({}, patched);
    const event = await h.search('49503');
    const byResult = new Map(event.results.map((r) => [r.id, r]));
    expect(byResult.get('c01')).to.include({ status: 'temporarily-closed' });
    expect(byResult.get('c02')).to.include({ status: 'open', acceptingNewPatients: true });
    expect(byResult.get('c03')).to.include({ acceptingNewPatients: false });
    expect(byResult.get('c04')).to.not.have.property('acceptingNewPatients');
  });
});

describe('<clinic-locator> a link to one clinic', () => {
  let original = '';
  const stubs: sinon.SinonStub[] = [];
  beforeEach(() => (original = location.href));
  afterEach(() => {
    history.replaceState(null, '', original);
    stubs.splice(0).forEach((s) => s.restore());
  });

  it('copies a link to the clinic and says so, and fires clinic-action "share"', async () => {
    const copied: string[] = [];
    if (typeof navigator.share === 'function') {
      stubs.push(sinon.stub(navigator, 'share').value(undefined));
    }
    stubs.push(
      sinon.stub(navigator.clipboard, 'writeText').callsFake(async (t) => void copied.push(t)),
    );
    const h = await mount({}, patched);
    await h.search('49503');
    const share = card(h.el.shadowRoot!, 'c02').querySelector<HTMLButtonElement>(
      '[part~="result-share"]',
    )!;
    expect(share.getAttribute('aria-label')).to.equal('Share a link to Bravo PT');
    const action = oneEvent(h.el, 'clinic-action') as Promise<ClinicActionEvent>;
    share.click();
    const event = await action;
    expect(event.action).to.equal('share');
    await waitUntil(() => copied.length === 1);
    expect(new URL(copied[0]!).searchParams.get('clinic')).to.equal('c02');
    expect(event.href).to.equal(copied[0]);
    await waitUntil(
      () => text(card(h.el.shadowRoot!, 'c02').querySelector('.shared')) === 'Link copied',
    );
    await expect(h.el).to.be.accessible();
  });

  it('shows the link to copy by hand when it cannot be copied', async () => {
    if (typeof navigator.share === 'function') {
      stubs.push(sinon.stub(navigator, 'share').value(undefined));
    }
    stubs.push(sinon.stub(navigator.clipboard, 'writeText').rejects(new Error('denied')));
    const h = await mount({}, patched);
    await h.search('49503');
    card(h.el.shadowRoot!, 'c03')
      .querySelector<HTMLButtonElement>('[part~="result-share"]')!
      .click();
    await waitUntil(() => card(h.el.shadowRoot!, 'c03').querySelector('input.link'));
    const input = card(h.el.shadowRoot!, 'c03').querySelector<HTMLInputElement>('input.link')!;
    expect(new URL(input.value).searchParams.get('clinic')).to.equal('c03');
    await expect(h.el).to.be.accessible();
  });

  it('opens with the linked clinic selected, with or without sync-url', async () => {
    for (const attrs of [{}, { 'sync-url': '' }] as Record<string, string>[]) {
      history.replaceState(null, '', '?clinic=c05');
      const h = await mount(attrs, patched);
      await waitUntil(() => h.el.shadowRoot!.querySelector('.list [aria-current="true"]'), 'none');
      const selected = h.el.shadowRoot!.querySelector<HTMLElement>('.list [aria-current="true"]')!;
      expect(selected.dataset.id).to.equal('c05');
      expect(h.input().value).to.equal('Echo PT');
      // Its card opens with its details: the visitor was sent to see this clinic.
      expect(selected.querySelector<HTMLElement>('[part~="result-details"]')!.hidden).to.equal(
        false,
      );
      const map = await h.map();
      await waitUntil(() => map.highlighted.at(-1) === 'c05');
      h.el.remove();
    }
  });

  it('keeps the selected clinic in the URL with sync-url', async () => {
    const h = await mount({ 'sync-url': '' }, patched);
    await h.search('49503');
    (card(h.el.shadowRoot!, 'c04').querySelector('[part~="result-button"]') as HTMLElement).click();
    await waitUntil(() => new URL(location.href).searchParams.get('clinic') === 'c04');
    expect(new URL(location.href).searchParams.get('clinic-q')).to.equal('49503');
  });
});

describe('<clinic-locator structured-data>', () => {
  const ld = (el: Element) => {
    const next = el.nextElementSibling;
    return next?.matches('script[type="application/ld+json"]') ? next : null;
  };

  it('writes the organization’s clinics as schema.org JSON-LD beside itself, and keeps it true', async () => {
    const data: Clinic[] = [
      ...patched.slice(0, 3),
      { ...patched[3]!, organization: 'Other PT', id: 'o1' },
    ];
    const h = await mount({ organization: 'Fixture PT', 'structured-data': '' }, data);
    await waitUntil(() => ld(h.el), 'no JSON-LD');
    const graph = () =>
      (JSON.parse(ld(h.el)!.textContent!) as { '@graph': { name: string; '@type': string[] }[] })[
        '@graph'
      ];
    expect(graph().map((c) => c.name)).to.deep.equal(data.slice(0, 3).map((c) => c.name));
    expect(graph()[0]!['@type']).to.deep.equal(['MedicalClinic', 'Physiotherapy']);
    expect(h.el.shadowRoot!.querySelector('script')).to.equal(null);
    // New data: the same script, describing the new clinics.
    const script = ld(h.el);
    h.el.clinics = data.slice(0, 1);
    await waitUntil(() => graph().length === 1, 'not replaced');
    expect(ld(h.el)).to.equal(script);
    expect(document.querySelectorAll('script[type="application/ld+json"]')).to.have.length(1);
    // Without the attribute, or without the element, it is gone.
    h.el.removeAttribute('structured-data');
    await waitUntil(() => !ld(h.el), 'not removed');
    h.el.setAttribute('structured-data', '');
    await waitUntil(() => ld(h.el), 'not back');
    const parent = h.el.parentElement!;
    h.el.remove();
    expect(parent.querySelector('script[type="application/ld+json"]')).to.equal(null);
  });

  it('writes nothing without an organization', async () => {
    const h = await mount({ 'structured-data': '' }, patched);
    await h.search('49503');
    expect(ld(h.el)).to.equal(null);
  });
});

describe('<clinic-locator sync-url> with the patient filters', () => {
  let original = '';
  beforeEach(() => (original = location.href));
  afterEach(() => history.replaceState(null, '', original));
  const param = (name: string) => new URL(location.href).searchParams.get(name);

  it('reads the plan and languages from the page URL and keeps them there', async () => {
    history.replaceState(null, '', '?clinic-insurance=aetna&clinic-languages=vi');
    const h = await mount({ 'sync-url': '', insurance: 'medicare' }, insured);
    await h.search('49503');
    // The link wins over the attribute's preset.
    expect(h.ids()).to.deep.equal(['c05']);
    h.part('filters-toggle').click();
    await h.el.updateComplete;
    const select = h.part('insurance-select') as HTMLSelectElement;
    expect(select.value).to.equal('aetna');
    select.value = 'medicare';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => param('clinic-insurance') === 'medicare');
    const vi = h.parts('filter-chip').find((c) => c.textContent!.includes('Vietnamese'))!;
    vi.click();
    await waitUntil(() => param('clinic-languages') === null);
    expect(param('clinic-q')).to.equal('49503');
  });

  it('leaves the URL alone without sync-url', async () => {
    history.replaceState(null, '', '?clinic-insurance=aetna');
    const h = await mount({}, insured);
    await h.search('49503');
    expect(h.ids().length).to.be.above(1);
    expect(param('clinic-insurance')).to.equal('aetna');
  });
});
