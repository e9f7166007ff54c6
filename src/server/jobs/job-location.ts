import { expandRegion, toCountryCode, toSubdivision } from '../../lib/countries.ts';
import type { JobLocation } from './job.ts';

/** What a feed says about where a role is done, before it is normalised. */
export interface LocationFacts {
  /** The feed's location text ("London, UK", "Remote (EU)", "New York, NY; Remote - US"). */
  label: string | null;
  /** True when a structured field says the role is remote (Lever workplaceType, Ashby isRemote…). */
  remote?: boolean;
  /** Areas remote applicants may live in, from structured fields. */
  remoteRegions?: readonly string[];
  /** Structured office fields, which win over what the label says. */
  city?: string | null;
  region?: string | null;
  /**
   * The posting's country (Lever's `country`, Ashby's address): the office's; for a remote role
   * with no office and no area named, where applicants may live.
   */
  country?: string | null;
}

/** What a source's company profile supplies when a feed leaves it out. */
export interface LocationDefaults {
  /** Where remote applicants may live when a remote role names nowhere ("EU", "GB"). */
  remoteRegions: readonly string[];
  /** ISO alpha-2 country of an office that names none. */
  country: string | null;
}

/** No defaults: a location says everything itself or is reported. */
export const NO_LOCATION_DEFAULTS: LocationDefaults = { remoteRegions: [], country: null };

type Place = Pick<JobLocation, 'city' | 'region' | 'country'>;

const REMOTE = /\bremote\b/i;
// Words that qualify a place without naming it: "London (Hybrid)", "On-site - Berlin".
const QUALIFIERS = /\(([^)]*)\)|\b(hybrid|on-?site|in[- ]office|office|hq)\b/gi;

/**
 * "City", "City, Country", "City, ST", "City, Region, Country", "Region" or "Country" as a place.
 * A short code after a city reads as a US state (then a Canadian or Australian one), the form
 * American boards write, unless the source's default country says it is that ISO code.
 */
function readPlace(text: string, defaultCountry: string | null): Place {
  const parts = text
    .replace(QUALIFIERS, ' ')
    .split(',')
    .map((part) => part.replace(/^[\s\-–—:]+|[\s\-–—:]+$/g, '').trim())
    .filter(Boolean);
  const [first, ...rest] = parts;
  const last = rest.at(-1);
  if (!first) return { city: null, region: null, country: null };
  if (!last) {
    const country = toCountryCode(first);
    const subdivision = country ? null : toSubdivision(first);
    if (country) return { city: null, region: null, country };
    if (subdivision) return { city: null, region: first, country: subdivision.country };
    return { city: first, region: null, country: null };
  }
  const code = /^[A-Z]{2,3}$/.test(last) ? toSubdivision(last) : null;
  const country = code && toCountryCode(last) !== defaultCountry ? null : toCountryCode(last);
  if (country) return { city: first, region: rest.slice(0, -1).join(', ') || null, country };
  const subdivision = code ?? toSubdivision(last);
  return { city: first, region: rest.join(', '), country: subdivision?.country ?? null };
}

/** "EU", "US or Canada", "UK & Ireland": a whole known name first, else its parts. */
function splitRegions(text: string): string[] {
  const whole = text.replace(/^[\s\-–—,:(/|]+|[\s\-–—,:)/|]+$/g, '').trim();
  if (!whole) return [];
  if (expandRegion(whole)) return [whole];
  return whole
    .split(/\s*(?:[,/|;&+]|\band\b|\bor\b)\s*/i)
    .map((part) => part.replace(/[()]/g, '').trim())
    .filter(Boolean);
}

/**
 * Normalises what a feed says about a role's location: the office's country as an ISO alpha-2
 * code, and for remote roles the countries applicants may live in. A remote role that names no
 * area takes the source's default; each guess or gap is returned as a warning for the report.
 */
export function normaliseLocation(
  facts: LocationFacts,
  defaults: LocationDefaults,
): { location: JobLocation; warnings: string[] } {
  const warnings: string[] = [];
  let remote = facts.remote === true;
  const named = [...(facts.remoteRegions ?? [])];
  let place: Place = { city: null, region: null, country: null };
  for (const segment of (facts.label ?? '').split(/\s*[;|]\s*/)) {
    if (REMOTE.test(segment)) {
      remote = true;
      named.push(...splitRegions(segment.replace(REMOTE, '')));
    } else if (segment.trim() && !place.city && !place.country) {
      place = readPlace(segment, defaults.country);
    }
  }
  if (facts.city) place = { ...place, city: facts.city };
  if (facts.region) place = { ...place, region: facts.region };
  if (facts.country) {
    const code = toCountryCode(facts.country);
    const office = !remote || place.city || place.region;
    if (!code) warnings.push(`country "${facts.country}" is not a country name or ISO code`);
    else if (office) place = { ...place, country: code };
    // A remote role's country without an office says where applicants live.
    else if (named.length === 0) named.push(facts.country);
  }
  if (!remote && !place.city && !place.region && !place.country) {
    if (defaults.country) {
      place = { ...place, country: defaults.country };
      warnings.push(`role names no location: using ${defaults.country}, the source's default`);
    } else {
      warnings.push("role names no location, and the source's profile sets no country");
    }
  } else if ((place.city || place.region) && !place.country) {
    const where = [place.city, place.region].filter(Boolean).join(', ');
    if (defaults.country) {
      place = { ...place, country: defaults.country };
      warnings.push(`"${where}" names no country: using ${defaults.country}, the source's default`);
    } else {
      warnings.push(`"${where}" names no country, and the source's profile sets none`);
    }
  }
  const regions = [...new Set(named)];
  const known = regions.filter((name) => expandRegion(name));
  for (const name of regions.filter((n) => !known.includes(n))) {
    warnings.push(`remote area "${name}" is not a country or a known region`);
  }
  let areas = known;
  if (remote && known.length === 0) {
    if (defaults.remoteRegions.length > 0) {
      areas = [...defaults.remoteRegions];
      warnings.push(`remote role names no area: using ${areas.join(', ')}, the source's default`);
    } else {
      warnings.push("remote role names no area applicants may live in, and the source's profile sets none");
    }
  }
  const countries = new Set(areas.flatMap((name) => expandRegion(name) ?? []));
  return {
    location: {
      label: facts.label,
      ...place,
      remote,
      remoteRegions: remote ? (regions.length > 0 ? regions : areas) : [],
      applicantCountries: remote ? [...countries].sort() : [],
    },
    warnings,
  };
}
