import type { Job } from '../../server/jobs/job.service.ts';

/** A place from a free-text location: "Berlin, Germany" → locality Berlin, country Germany. */
function place(location: string) {
  const parts = location
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const country = parts.length > 1 ? parts.at(-1) : undefined;
  return {
    '@type': 'Place',
    address: {
      '@type': 'PostalAddress',
      addressLocality: parts[0] ?? location,
      ...(country ? { addressCountry: country } : {}),
    },
  };
}

/**
 * Google's JobPosting structured data for an open role: title, description, dates, hiring
 * organisation, location (or TELECOMMUTE with where applicants may live), employment type,
 * salary when known and the source's identifier.
 */
export function jobPostingJsonLd(job: Job, pageUrl: URL): Record<string, unknown> {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: job.title,
    description: job.descriptionHtml,
    datePosted: job.postedAt.toISOString(),
    hiringOrganization: { '@type': 'Organization', name: job.company },
    employmentType: job.employmentType,
    identifier: { '@type': 'PropertyValue', name: job.company, value: job.externalId },
    url: pageUrl.href,
    directApply: false,
  };
  if (job.validThrough) data['validThrough'] = job.validThrough.toISOString();
  if (job.location) data['jobLocation'] = place(job.location);
  if (job.remote) {
    data['jobLocationType'] = 'TELECOMMUTE';
    if (job.remoteRegions.length > 0) {
      data['applicantLocationRequirements'] = job.remoteRegions.map((name) => ({ '@type': 'Country', name }));
    }
  }
  if (job.salary) {
    data['baseSalary'] = {
      '@type': 'MonetaryAmount',
      currency: job.salary.currency,
      value: {
        '@type': 'QuantitativeValue',
        ...(job.salary.min !== null ? { minValue: job.salary.min } : {}),
        ...(job.salary.max !== null ? { maxValue: job.salary.max } : {}),
        unitText: job.salary.unit,
      },
    };
  }
  return data;
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so text cannot close the script. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
