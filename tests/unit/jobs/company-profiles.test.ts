import { describe, expect, test } from 'vitest';
import {
  loadCompanyProfiles,
  parseCompanyProfiles,
  profileFor,
} from '../../../src/server/jobs/company-profiles.ts';

describe('company profiles', () => {
  test('reads a profile, normalising its country and keeping its remote areas', () => {
    const profiles = parseCompanyProfiles(`
acme:
  name: Acme Rockets
  sameAs: https://acme.example/
  logo: /logos/acme.png
  remoteRegions: [EU, United Kingdom]
  country: United Kingdom
`);
    expect(profileFor(profiles, 'acme')).toEqual({
      name: 'Acme Rockets',
      sameAs: 'https://acme.example/',
      logo: '/logos/acme.png',
      locationDefaults: { remoteRegions: ['EU', 'United Kingdom'], country: 'GB' },
    });
    expect(profileFor(profiles, 'other')).toMatchObject({
      name: null,
      locationDefaults: { remoteRegions: [] },
    });
  });

  test('names every problem of a bad file', () => {
    expect(() =>
      parseCompanyProfiles(`
acme:
  sameAs: javascript:alert(1)
  remoteRegions: [Atlantis]
  country: Mars
  colour: red
`),
    ).toThrow(
      'acme.sameAs: must be an http(s) URL; acme.remoteRegions.0: is not a country or a known region; acme.country: "Mars" is not a country; acme: Unrecognized key: "colour"',
    );
  });

  test('the shipped file is valid and covers the demo and manual sources', () => {
    const shipped = loadCompanyProfiles('content');
    expect(profileFor(shipped, 'demo').locationDefaults.country).toBe('GB');
    expect(profileFor(shipped, 'manual').locationDefaults.remoteRegions).toEqual(['United Kingdom']);
  });
});
