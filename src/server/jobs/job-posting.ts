import type { JobPosting, MonetaryAmount, Organization, Place, WithContext } from 'schema-dts';
import { isoCountryName } from '../../lib/countries.ts';
import type { Job } from './job.ts';

/** The office as a schema.org Place; null when the role names none. */
function jobLocation(job: Job): Place | null {
  const { city, region, country } = job.location;
  if (!city && !region && !country) return null;
  return {
    '@type': 'Place',
    address: {
      '@type': 'PostalAddress',
      ...(city ? { addressLocality: city } : {}),
      ...(region ? { addressRegion: region } : {}),
      ...(country ? { addressCountry: country } : {}),
    },
  };
}

function hiringOrganization(job: Job, pageUrl: URL): Organization {
  return {
    '@type': 'Organization',
    name: job.company,
    ...(job.companyUrl ? { sameAs: job.companyUrl } : {}),
    ...(job.companyLogo ? { logo: new URL(job.companyLogo, pageUrl).href } : {}),
  };
}

function baseSalary(salary: NonNullable<Job['salary']>): MonetaryAmount {
  return {
    '@type': 'MonetaryAmount',
    currency: salary.currency,
    value: {
      '@type': 'QuantitativeValue',
      ...(salary.min !== null ? { minValue: salary.min } : {}),
      ...(salary.max !== null ? { maxValue: salary.max } : {}),
      unitText: salary.unit,
    },
  };
}

/**
 * Google's JobPosting structured data for an open role: title, description, dates (validThrough
 * included), the hiring organisation with its website and logo, the office (addressCountry as an
 * ISO 3166-1 alpha-2 code) and, for remote roles, TELECOMMUTE with the countries applicants may
 * live in, the employment type, the salary when known and the source's identifier.
 */
export function jobPostingJsonLd(job: Job, pageUrl: URL): WithContext<JobPosting> {
  const place = jobLocation(job);
  const { remote, applicantCountries } = job.location;
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: job.title,
    description: job.descriptionHtml,
    datePosted: job.postedAt.toISOString(),
    ...(job.validThrough ? { validThrough: job.validThrough.toISOString() } : {}),
    hiringOrganization: hiringOrganization(job, pageUrl),
    employmentType: job.employmentType,
    identifier: { '@type': 'PropertyValue', name: job.company, value: job.externalId },
    url: pageUrl.href,
    directApply: false,
    ...(place ? { jobLocation: place } : {}),
    ...(remote ? { jobLocationType: 'TELECOMMUTE' } : {}),
    ...(remote && applicantCountries.length > 0
      ? {
          applicantLocationRequirements: applicantCountries.map((code) => ({
            '@type': 'Country' as const,
            name: isoCountryName(code),
          })),
        }
      : {}),
    ...(job.salary ? { baseSalary: baseSalary(job.salary) } : {}),
  };
}
