// The filter toggles' counts: computed once per data, search and filter, and not while a search
// that brings its own is on its way.
import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import sinon from 'sinon';
import { decodeClinics } from '../../src/domain/clinic-codec.js';
import { clinicsWithin } from '../../src/domain/rank.js';
import { FiltersController } from '../../src/element/controllers/filters.js';
import type { SearchContext } from '../../src/element/controllers/search-types.js';
import { en } from '../../src/element/messages/en.js';
import { filterCounts, type ChipsProps } from '../../src/element/views/filter-chips.js';
import compiled from 'virtual:clinic-locator-clinics';

const clinics = decodeClinics(compiled);
const host = { addController() {}, requestUpdate() {} } as unknown as ReactiveControllerHost;

function setUp() {
  const filters = new FiltersController(host);
  const counting = sinon.spy(filterCounts);
  // The toggles' template is not under test: what they would show is.
  const views = { filterCounts: counting, filterChips: (_m: unknown, props: ChipsProps) => props };
  const rank = { clinicsWithin };
  const toggles = (pending: boolean, search?: SearchContext) =>
    filters.toggles({ clinics, views, rank } as never, en as never, (id) => id, {
      search,
      radiusKm: 40,
      pageSize: 10,
      organization: '',
      pending,
    }) as unknown as ChipsProps | undefined;
  return { filters, counting, toggles };
}

describe('FiltersController.toggles()', () => {
  it('counts every clinic before a search, once, and again only when something changed', () => {
    const { filters, counting, toggles } = setUp();
    const first = toggles(false);
    expect(counting.callCount).to.equal(1);
    expect(first!.counts.flags.telehealth).to.be.greaterThan(0);
    expect(toggles(false)!.counts).to.equal(first!.counts);
    expect(counting.callCount).to.equal(1);
    filters.toggle('telehealth');
    toggles(false);
    expect(counting.callCount).to.equal(2);
  });

  it('counts nothing while a search is on its way: none shown at first, then the last counts', () => {
    const { filters, counting, toggles } = setUp();
    expect(toggles(true)).to.equal(undefined);
    expect(counting.callCount).to.equal(0);
    const before = toggles(false)!.counts;
    const around: SearchContext = {
      query: '49503',
      origin: { lat: 42.9659, lon: -85.6527, label: '49503', approximate: false },
      also: [],
    };
    // Pending: the counts of the clinics as they were, with the toggles' state as it is now.
    filters.toggleService('back-pain');
    const pending = toggles(true, around)!;
    expect(counting.callCount).to.equal(1);
    expect(pending.counts).to.equal(before);
    expect(pending.services).to.deep.equal(['back-pain']);
    // The search landed: its own counts, which are not the ones before it.
    const after = toggles(false, around)!.counts;
    expect(counting.callCount).to.equal(2);
    expect(after).to.not.equal(before);
  });
});
