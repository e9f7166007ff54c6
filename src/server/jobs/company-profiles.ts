import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { expandRegion, toCountryCode } from '../../lib/countries.ts';
import { contentDirectory } from '../platform/config/paths.ts';
import type { LocationDefaults } from './job-location.ts';

const url = z
  .string()
  .trim()
  .refine(
    (value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol),
    'must be an http(s) URL',
  );

/** One source's company profile in content/companies.yml; every field is optional. */
const profileSchema = z.strictObject({
  /** The company behind the source: names its roles when the feed does not (Lever, Ashby). */
  name: z.string().trim().min(1).optional(),
  /** The company's own website, Google's hiringOrganization.sameAs. */
  sameAs: url.optional(),
  /** The company's logo: an http(s) URL, or a path on this site such as /logos/acme.png. */
  logo: z.union([url, z.string().regex(/^\/[^/]/, 'must be an http(s) URL or a path from /')]).optional(),
  /** Where remote applicants may live when a remote role names nowhere ("EU", "GB", "North America"). */
  remoteRegions: z
    .array(z.string().refine((name) => expandRegion(name) !== null, 'is not a country or a known region'))
    .optional(),
  /** The country of offices that name none, as a name or ISO code ("United Kingdom", "GB"). */
  country: z
    .string()
    .transform((name, context) => {
      const code = toCountryCode(name);
      if (!code) context.addIssue({ code: 'custom', message: `"${name}" is not a country` });
      return code ?? '';
    })
    .optional(),
});

/** A source's company profile, with what the file leaves out as null or empty. */
export interface CompanyProfile {
  name: string | null;
  sameAs: string | null;
  logo: string | null;
  /** The location defaults the importer applies to this source's roles. */
  locationDefaults: LocationDefaults;
}

/** Profiles by source name (`--source`, JOBS_FEED_SOURCE, `demo`, `manual`). */
export type CompanyProfiles = ReadonlyMap<string, CompanyProfile>;

/** The profile of a source; an empty one when the file has none. */
export function profileFor(profiles: CompanyProfiles, source: string): CompanyProfile {
  return (
    profiles.get(source) ?? {
      name: null,
      sameAs: null,
      logo: null,
      locationDefaults: { remoteRegions: [], country: null },
    }
  );
}

/** Parses companies.yml (`<source>: { name, sameAs, logo, remoteRegions, country }`); throws naming each problem. */
export function parseCompanyProfiles(yamlText: string): CompanyProfiles {
  const parsed = z.record(z.string(), profileSchema).safeParse(parse(yamlText) ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'the file'}: ${issue.message}`,
    );
    throw new Error(problems.join('; '));
  }
  return new Map(
    Object.entries(parsed.data).map(([source, profile]) => [
      source,
      {
        name: profile.name ?? null,
        sameAs: profile.sameAs ?? null,
        logo: profile.logo ?? null,
        locationDefaults: { remoteRegions: profile.remoteRegions ?? [], country: profile.country ?? null },
      },
    ]),
  );
}

/** Loads companies.yml from the content folder; no file means no profiles. */
export function loadCompanyProfiles(contentDir = contentDirectory()): CompanyProfiles {
  const file = join(contentDir, 'companies.yml');
  if (!existsSync(file)) return new Map();
  try {
    return parseCompanyProfiles(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
