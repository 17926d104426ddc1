import { expect } from '@open-wc/testing';
import type { Clinic } from '../../src/domain/clinic.js';
import { createClinicSharer } from '../../src/domain/clinic-share.js';

const clinic = (id: string): Clinic => ({
  id,
  name: `Lakeshore Physical Therapy – Grand Rapids ${id}`,
  organization: ['Lakeshore', 'Physical Therapy'].join(' '),
  address1: '2200 Example Ave',
  city: 'Grand Rapids',
  state: 'MI',
  zip: '49503',
  lat: 42.9659,
  lon: -85.6527,
  website: 'https://lakeshore.example/grand-rapids',
  services: ['back-pain', 'sciatica'],
  languages: ['en', 'es'],
  insurance: ['medicare'],
});

describe('createClinicSharer()', () => {
  it('keeps every value, and gives clinics one array per distinct list', () => {
    const clinics = [clinic('a'), clinic('b'), { ...clinic('c'), services: ['back-pain'] }];
    const before = structuredClone(clinics);
    const sharer = createClinicSharer();
    for (const c of clinics) sharer.share(c);
    expect(clinics).to.deep.equal(before);
    const [a, b, c] = clinics as [Clinic, Clinic, Clinic];
    expect(a.services).to.equal(b.services);
    expect(a.languages).to.equal(b.languages);
    expect(a.insurance).to.equal(c.insurance);
    expect(c.services).to.not.equal(a.services);
    // A services list and a languages list with the same items stay apart.
    const d = { ...clinic('d'), services: ['en', 'es'] };
    sharer.share(d);
    expect(d.services).to.not.equal(d.languages);
  });
});
