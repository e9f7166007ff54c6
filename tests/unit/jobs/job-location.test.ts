import { describe, expect, test } from 'vitest';
import { expandRegion, toCountryCode, toSubdivision } from '../../../src/lib/countries.ts';
import { NO_LOCATION_DEFAULTS, normaliseLocation } from '../../../src/server/jobs/job-location.ts';

const defaults = { remoteRegions: ['EU'], country: 'GB' };
const place = (label: string, given = NO_LOCATION_DEFAULTS) => {
  const { city, region, country } = normaliseLocation({ label }, given).location;
  return [city, region, country];
};

describe('country and region names', () => {
  test('reads codes, names in several languages and common aliases as ISO alpha-2', () => {
    expect(
      ['UK', 'Germany', 'Deutschland', 'U.S.', 'USA', 'GBR', 'England', 'The Netherlands', 'Burma'].map(
        toCountryCode,
      ),
    ).toEqual(['GB', 'DE', 'DE', 'US', 'US', 'GB', 'GB', 'NL', 'MM']);
    expect(toCountryCode('Mars')).toBeNull();
    // Codes count only in capitals, so words in a label are not read as countries.
    expect(toCountryCode('in')).toBeNull();
  });

  test('expands regions to their countries', () => {
    expect(expandRegion('EU')).toHaveLength(27);
    expect(expandRegion('EU')).toContain('IE');
    expect(expandRegion('EU')).not.toContain('GB');
    expect(expandRegion('EEA')).toEqual(expect.arrayContaining(['NO', 'IS', 'LI', 'DE']));
    expect(expandRegion('Europe')).toEqual(expect.arrayContaining(['GB', 'CH', 'NO', 'DE']));
    expect(expandRegion('north america')).toEqual(expect.arrayContaining(['US', 'CA', 'MX']));
    expect(expandRegion('DACH')).toEqual(['AT', 'CH', 'DE']);
    expect(expandRegion('United Kingdom')).toEqual(['GB']);
    expect(expandRegion('Atlantis')).toBeNull();
  });

  test('knows US states, Canadian provinces and Australian states by code or name', () => {
    expect(toSubdivision('NY')).toEqual({ region: 'NY', country: 'US' });
    expect(toSubdivision('Ontario')).toEqual({ region: 'ON', country: 'CA' });
    expect(toSubdivision('NSW')).toEqual({ region: 'NSW', country: 'AU' });
  });
});

describe('normaliseLocation', () => {
  test('reads the usual shapes of an office', () => {
    expect(place('London, UK')).toEqual(['London', null, 'GB']);
    expect(place('Berlin, Germany')).toEqual(['Berlin', null, 'DE']);
    expect(place('New York, NY')).toEqual(['New York', 'NY', 'US']);
    expect(place('Austin, TX, USA')).toEqual(['Austin', 'TX', 'US']);
    expect(place('Toronto, Ontario, Canada')).toEqual(['Toronto', 'Ontario', 'CA']);
    expect(place('San Francisco, California')).toEqual(['San Francisco', 'California', 'US']);
    expect(place('London, UK (Hybrid)')).toEqual(['London', null, 'GB']);
    expect(place('Singapore')).toEqual([null, null, 'SG']);
  });

  test('reads a short code after a city as a US state, unless the source default says it is that country', () => {
    expect(place('Berlin, DE')).toEqual(['Berlin', 'DE', 'US']);
    expect(place('Berlin, DE', { remoteRegions: [], country: 'DE' })).toEqual(['Berlin', null, 'DE']);
  });

  test('expands remote areas from the label and structured fields', () => {
    const { location, warnings } = normaliseLocation({ label: 'Remote - US or Canada' }, defaults);
    expect(location).toMatchObject({
      remote: true,
      remoteRegions: ['US', 'Canada'],
      applicantCountries: ['CA', 'US'],
    });
    expect(warnings).toEqual([]);
    const hybrid = normaliseLocation({ label: 'New York, NY; Remote - US' }, defaults).location;
    expect(hybrid).toMatchObject({
      city: 'New York',
      country: 'US',
      remote: true,
      applicantCountries: ['US'],
    });
    const lever = normaliseLocation({ label: 'Remote', remote: true, country: 'GB' }, defaults).location;
    expect(lever).toMatchObject({ country: null, remoteRegions: ['GB'], applicantCountries: ['GB'] });
  });

  test("gives a remote role that names no area the source's default, and warns", () => {
    const { location, warnings } = normaliseLocation({ label: 'Remote' }, defaults);
    expect(location.remoteRegions).toEqual(['EU']);
    expect(location.applicantCountries).toHaveLength(27);
    expect(warnings).toEqual(["remote role names no area: using EU, the source's default"]);
    expect(normaliseLocation({ label: 'Remote (CET ±2)' }, NO_LOCATION_DEFAULTS).warnings).toEqual([
      'remote area "CET ±2" is not a country or a known region',
      "remote role names no area applicants may live in, and the source's profile sets none",
    ]);
  });

  test("gives an office without a country the source's default, and warns", () => {
    const { location, warnings } = normaliseLocation({ label: 'London' }, defaults);
    expect(location).toMatchObject({ city: 'London', country: 'GB' });
    expect(warnings).toEqual([`"London" names no country: using GB, the source's default`]);
    expect(normaliseLocation({ label: null }, defaults).location.country).toBe('GB');
  });
});

test('reads names that collide with object properties as unknown places, not regions', () => {
  for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    expect(expandRegion(name)).toBeNull();
    expect(
      normaliseLocation({ label: `Remote (${name})` }, NO_LOCATION_DEFAULTS).location.applicantCountries,
    ).toEqual([]);
  }
});
