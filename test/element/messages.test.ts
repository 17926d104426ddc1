// The page's own strings (`messages`): a few over the widget's language, or a language the
// widget does not have, with its functions that take counts and places.
import { expect, waitUntil } from '@open-wc/testing';
import type { Messages } from '../../src/element/messages/messages.js';
import { clinics } from './fixtures.js';
import { mount } from './harness.js';

/** The French of a few strings, as a site adding French would write them (all of `Messages`). */
const french: Partial<Messages> = {
  locale: 'fr-FR',
  searchLabel: 'Code postal, ville ou nom de clinique',
  searchButton: 'Rechercher',
  book: 'Prendre rendez-vous',
  // A visible text and the name a screen reader hears go together (the audit checks it).
  bookLabel: (name) => `Prendre rendez-vous chez ${name} (nouvel onglet)`,
  resultsWithin: (count, radius, origin, nearest) =>
    `${count} cliniques à moins de ${radius} de ${origin} ; la plus proche à ${nearest}`,
};

describe('<clinic-locator> messages of the page’s own', () => {
  it('replaces a few strings over English, the results’ strings too, and keeps the rest', async () => {
    const h = await mount({}, clinics);
    h.el.messages = {
      searchButton: 'Find',
      book: 'Request a visit',
      bookLabel: (name) => `Request a visit at ${name} (opens in a new tab)`,
    };
    await h.el.updateComplete;
    expect(h.part('search-button').textContent!.trim()).to.equal('Find');
    await h.search('49503');
    expect(h.status()).to.match(/^11 clinics within 25 miles of 49503 Grand Rapids, MI/);
    const book = h.parts('result-book')[0]!;
    expect(book.textContent!.trim()).to.equal('Request a visit');
    await expect(h.el).to.be.accessible();
  });

  it('adds a language the widget does not have (lang="fr"), functions included', async () => {
    const h = await mount({ lang: 'fr' }, clinics);
    h.el.messages = french;
    await h.el.updateComplete;
    expect(h.part('search-button').textContent!.trim()).to.equal('Rechercher');
    await h.search('49503');
    expect(h.status()).to.match(
      /^11 cliniques à moins de 25 miles de 49503 Grand Rapids, MI ; la plus proche à 0.1 miles/,
    );
    expect(h.parts('result-book')[0]!.textContent!.trim()).to.equal('Prendre rendez-vous');
    // A string it did not give falls back to English.
    expect(h.part('locate-button').textContent!.trim()).to.equal('Use my location');
    await expect(h.el).to.be.accessible();
  });

  it('overrides a built-in language (Spanish) and follows a change of messages', async () => {
    const h = await mount({ lang: 'es' }, clinics);
    h.el.messages = { searchButton: 'Encontrar' };
    await h.el.updateComplete;
    await h.search('49503');
    expect(h.part('search-button').textContent!.trim()).to.equal('Encontrar');
    // The Spanish chunk loads on first use.
    await waitUntil(() => h.part('locate-button').textContent!.trim() === 'Usar mi ubicación');
    h.el.messages = undefined;
    await h.el.updateComplete;
    expect(h.part('search-button').textContent!.trim()).to.equal('Buscar');
  });
});
