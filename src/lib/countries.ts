/**
 * Countries and regions by name, for job locations. Pure lookups over kept data sets:
 * i18n-iso-countries (ISO 3166-1 codes and their names and aliases in several languages),
 * world-countries (UN regions and other spellings), is-european (EU and EEA membership) and
 * country-region-data (US states, Canadian provinces and Australian states, which feeds
 * write after a city: "Austin, TX").
 */

import subdivisions from 'country-region-data/data.json' with { type: 'json' };
import isoCountries from 'i18n-iso-countries';
import de from 'i18n-iso-countries/langs/de.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import it from 'i18n-iso-countries/langs/it.json' with { type: 'json' };
import nl from 'i18n-iso-countries/langs/nl.json' with { type: 'json' };
import pt from 'i18n-iso-countries/langs/pt.json' with { type: 'json' };
import europe from 'is-european';
import world from 'world-countries';

// The languages feeds of European and American boards write country names in.
const LANGUAGES = [en, de, fr, es, it, nl, pt];
for (const language of LANGUAGES) isoCountries.registerLocale(language);

/** Every ISO 3166-1 alpha-2 code, sorted. */
export const COUNTRY_CODES: readonly string[] = Object.keys(isoCountries.getAlpha2Codes()).sort();

const key = (name: string) =>
  name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/\./g, '').replace(/\s+/g, ' ').trim().toLowerCase();

// Every name and alias of every country in every loaded language, plus the other spellings
// world-countries knows ("Burma", "Swaziland"), built once: a lookup per record is then one
// map read instead of a scan of every name in seven languages.
const codesByName = new Map<string, string>();
for (const country of world) {
  for (const name of [country.name.common, country.name.official, ...country.altSpellings]) {
    if (name.length > 3) codesByName.set(key(name), country.cca2);
  }
}
for (const language of [...LANGUAGES].reverse()) {
  for (const [code, names] of Object.entries(isoCountries.getNames(language.locale, { select: 'all' }))) {
    for (const name of names) codesByName.set(key(name), code);
  }
}
// The parts of the United Kingdom, which no country list names as countries.
for (const name of ['England', 'Scotland', 'Wales', 'Northern Ireland', 'Britain']) {
  codesByName.set(key(name), 'GB');
}

/**
 * The ISO 3166-1 alpha-2 code of a country named in a feed: a code ("DE", "GBR"), a name or
 * alias in a common language ("Germany", "Deutschland", "UK", "U.S."); null when unknown.
 */
export function toCountryCode(name: string): string | null {
  const text = name.trim().replace(/\./g, '');
  // Codes only in capitals, so words like "in" or "de" in a label are not read as countries.
  if (/^[A-Z]{2}$/.test(text) && isoCountries.isValid(text)) return text;
  if (/^[A-Z]{3}$/.test(text)) {
    const code = isoCountries.alpha3ToAlpha2(text);
    if (code) return code;
  }
  return codesByName.get(key(text)) ?? null;
}

const commonNames = new Map(world.map((country) => [country.cca2, country.name.common]));

/** The English common name of a country code ("GB" → "United Kingdom"); the code itself when unknown. */
export function countryName(code: string): string {
  return commonNames.get(code) ?? isoCountries.getName(code, 'en') ?? code;
}

/** The ISO 3166 English name of a country code ("US" → "United States of America"), for structured data. */
export function isoCountryName(code: string): string {
  return isoCountries.getName(code, 'en') ?? code;
}

const inRegion = (...regions: string[]) =>
  world.filter((c) => regions.includes(c.region) || regions.includes(c.subregion)).map((c) => c.cca2);

// Named areas job feeds use for where remote applicants may live. Continents and subregions are
// the UN's (via world-countries); DACH and the Nordics are the usual definitions of the terms.
const REGIONS: Record<string, () => string[]> = {
  eu: () => COUNTRY_CODES.filter((code) => europe.euMember(code)),
  'european union': () => REGIONS['eu']?.() ?? [],
  eea: () => COUNTRY_CODES.filter((code) => europe.eeaMember(code)),
  europe: () => inRegion('Europe'),
  emea: () => inRegion('Europe', 'Africa', 'Western Asia'),
  'middle east': () => inRegion('Western Asia'),
  africa: () => inRegion('Africa'),
  asia: () => inRegion('Asia'),
  apac: () => inRegion('Eastern Asia', 'South-Eastern Asia', 'Southern Asia', 'Oceania'),
  'asia pacific': () => REGIONS['apac']?.() ?? [],
  oceania: () => inRegion('Oceania'),
  americas: () => inRegion('Americas'),
  'north america': () => inRegion('North America'),
  'south america': () => inRegion('South America'),
  'central america': () => inRegion('Central America'),
  latam: () => [...inRegion('South America', 'Central America', 'Caribbean'), 'MX'],
  'latin america': () => REGIONS['latam']?.() ?? [],
  dach: () => ['AT', 'CH', 'DE'],
  nordics: () => ['DK', 'FI', 'IS', 'NO', 'SE'],
  worldwide: () => [...COUNTRY_CODES],
  anywhere: () => [...COUNTRY_CODES],
  global: () => [...COUNTRY_CODES],
};

// Each region's countries, worked out on first use: EU membership alone is 250 list scans.
const expanded = new Map<string, readonly string[]>();

/**
 * The countries an area stands for: a region ("EU", "Europe", "North America", "Worldwide") or
 * one country ("United Kingdom" → [GB]); sorted codes, or null when the name is not known.
 */
export function expandRegion(name: string): readonly string[] | null {
  const region = key(name);
  // Own keys only: "constructor" in a feed is not a region.
  const list = Object.hasOwn(REGIONS, region) ? REGIONS[region] : undefined;
  if (list) {
    if (!expanded.has(region)) expanded.set(region, [...new Set(list())].sort());
    return expanded.get(region) ?? null;
  }
  const code = toCountryCode(name);
  return code ? [code] : null;
}

/** A state or province and its country, from subdivisions feeds write after a city. */
export interface Subdivision {
  region: string;
  country: string;
}

const subdivisionsByKey = new Map<string, Subdivision>();
// The United States first: "City, CA" in a feed is California far more often than Canada.
for (const country of ['US', 'CA', 'AU']) {
  const entry = subdivisions.find((c) => c.countryShortCode === country);
  for (const region of entry?.regions ?? []) {
    const value = { region: region.shortCode ?? region.name, country };
    if (region.shortCode && !subdivisionsByKey.has(key(region.shortCode)))
      subdivisionsByKey.set(key(region.shortCode), value);
    if (!subdivisionsByKey.has(key(region.name))) subdivisionsByKey.set(key(region.name), value);
  }
}

/** A US state, Canadian province or Australian state by code or name ("NY", "Ontario"); null otherwise. */
export function toSubdivision(name: string): Subdivision | null {
  return subdivisionsByKey.get(key(name)) ?? null;
}
