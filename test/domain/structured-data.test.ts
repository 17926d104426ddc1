import { expect } from '@open-wc/testing';
import type { Clinic } from '../../src/domain/clinic.js';
import { clinicEntity, structuredDataText } from '../../src/domain/structured-data.js';

const clinic: Clinic = {
  id: 'gr-1',
  name: 'Lakeshore PT – Grand Rapids',
  organization: 'Lakeshore PT',
  address1: '100 Example Ave',
  address2: 'Suite 200',
  city: 'Grand Rapids',
  state: 'MI',
  zip: '49503',
  lat: 42.96,
  lon: -85.66,
  phone: '6165550142',
  website: 'https://lakeshore.example',
  services: ['back-pain'],
  languages: ['en', 'es'],
  hours: 'Mo-Fr 07:00-19:00; Sa 08:00-12:00',
  timezone: 'America/Detroit',
  insurance: ['medicare', 'aetna'],
  acceptingNewPatients: true,
  specialHours: '2026-12-24 09:00-13:00; 2026-12-25..2026-12-26 closed',
};

describe('clinicEntity()', () => {
  it('describes a clinic as schema.org MedicalClinic and Physiotherapy', () => {
    expect(clinicEntity(clinic)).to.deep.equal({
      '@type': ['MedicalClinic', 'Physiotherapy'],
      name: 'Lakeshore PT – Grand Rapids',
      parentOrganization: { '@type': 'MedicalOrganization', name: 'Lakeshore PT' },
      address: {
        '@type': 'PostalAddress',
        streetAddress: '100 Example Ave, Suite 200',
        addressLocality: 'Grand Rapids',
        addressRegion: 'MI',
        postalCode: '49503',
        addressCountry: 'US',
      },
      geo: { '@type': 'GeoCoordinates', latitude: 42.96, longitude: -85.66 },
      telephone: '+1-616-555-0142',
      url: 'https://lakeshore.example/',
      openingHoursSpecification: [
        {
          '@type': 'OpeningHoursSpecification',
          dayOfWeek: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].map(
            (d) => `https://schema.org/${d}`,
          ),
          opens: '07:00',
          closes: '19:00',
        },
        {
          '@type': 'OpeningHoursSpecification',
          dayOfWeek: ['https://schema.org/Saturday'],
          opens: '08:00',
          closes: '12:00',
        },
      ],
      specialOpeningHoursSpecification: [
        {
          '@type': 'OpeningHoursSpecification',
          validFrom: '2026-12-24',
          validThrough: '2026-12-24',
          opens: '09:00',
          closes: '13:00',
        },
        {
          '@type': 'OpeningHoursSpecification',
          validFrom: '2026-12-25',
          validThrough: '2026-12-26',
          opens: '00:00',
          closes: '00:00',
        },
      ],
      isAcceptingNewPatients: true,
      availableLanguage: ['en', 'es'],
      healthPlanNetworkId: ['medicare', 'aetna'],
    });
  });

  it('leaves out what the data does not say, and an unsafe website', () => {
    const bare: Clinic = {
      ...clinic,
      address2: undefined,
      phone: undefined,
      website: 'javascript:alert(1)',
      hours: undefined,
      specialHours: undefined,
      acceptingNewPatients: undefined,
      languages: undefined,
      insurance: undefined,
    };
    const entity = clinicEntity(bare);
    expect(Object.keys(entity)).to.deep.equal([
      '@type',
      'name',
      'parentOrganization',
      'address',
      'geo',
    ]);
    expect((entity.address as Record<string, string>).streetAddress).to.equal('100 Example Ave');
  });
});

describe('structuredDataText()', () => {
  it('is one schema.org graph, with no way for data to close the script element', () => {
    const text = structuredDataText([{ ...clinic, name: '</script><script>alert(1)</script>' }]);
    expect(text).to.not.contain('<');
    const parsed = JSON.parse(text) as { '@context': string; '@graph': { name: string }[] };
    expect(parsed['@context']).to.equal('https://schema.org');
    expect(parsed['@graph'][0]!.name).to.equal('</script><script>alert(1)</script>');
  });
});
