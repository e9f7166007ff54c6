/**
 * A checker for JobPosting JSON-LD, written from Google's job-posting structured-data guidelines
 * (Search Central, "Job posting (JobPosting) structured data"): the properties Google requires,
 * the ones it recommends, and the forms it accepts. It is the tests' own, independent of the
 * site's code, so a mistake in one shows up in the other.
 */
import isoCountries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

isoCountries.registerLocale(en);

/** What a posting lacks or gets wrong, by property path. */
export interface PostingReport {
  /** Required properties that are absent: Google does not show the posting. */
  missingRequired: string[];
  /** Present but in a form Google rejects. */
  invalid: string[];
  /** Recommended properties that are absent: the posting shows, with less in it. */
  missingRecommended: string[];
}

type Node = Record<string, unknown>;

const EMPLOYMENT_TYPES = [
  'FULL_TIME',
  'PART_TIME',
  'CONTRACTOR',
  'TEMPORARY',
  'INTERN',
  'VOLUNTEER',
  'PER_DIEM',
  'OTHER',
];
const UNITS = ['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR'];
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
// ISO 8601 date or date-time, the forms Google names for datePosted and validThrough.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => typeof value === 'string' && value.trim() !== '';
const isUrl = (value: unknown) => typeof value === 'string' && /^https?:\/\/[^/\s]+/.test(value);
const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

function checkAddress(place: unknown, path: string, report: PostingReport): void {
  const address = isNode(place) ? place['address'] : undefined;
  if (!isNode(place) || place['@type'] !== 'Place' || !isNode(address)) {
    report.invalid.push(`${path}: a Place with a PostalAddress`);
    return;
  }
  if (address['@type'] !== 'PostalAddress') report.invalid.push(`${path}.address: @type PostalAddress`);
  const country = address['addressCountry'];
  if (country === undefined) report.missingRequired.push(`${path}.address.addressCountry`);
  else if (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country) || !isoCountries.isValid(country))
    report.invalid.push(
      `${path}.address.addressCountry: ${JSON.stringify(country)} is not ISO 3166-1 alpha-2`,
    );
  if (!text(address['addressLocality']) && !text(address['addressRegion']))
    report.missingRecommended.push(`${path}.address.addressLocality`);
}

function checkSalary(salary: unknown, report: PostingReport): void {
  const value = isNode(salary) ? salary['value'] : undefined;
  if (!isNode(salary) || salary['@type'] !== 'MonetaryAmount' || !isNode(value)) {
    report.invalid.push('baseSalary: a MonetaryAmount with a QuantitativeValue');
    return;
  }
  if (!CURRENCIES.has(String(salary['currency']))) report.invalid.push('baseSalary.currency: ISO 4217');
  if (value['@type'] !== 'QuantitativeValue')
    report.invalid.push('baseSalary.value: @type QuantitativeValue');
  const bounds = ['value', 'minValue', 'maxValue'].filter((key) => value[key] !== undefined);
  if (bounds.length === 0) report.invalid.push('baseSalary.value: value, minValue or maxValue');
  for (const key of bounds) {
    const amount = value[key];
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0)
      report.invalid.push(`baseSalary.value.${key}: a number, not ${JSON.stringify(amount)}`);
  }
  if (Number(value['minValue']) > Number(value['maxValue']))
    report.invalid.push('baseSalary: minValue > maxValue');
  if (!UNITS.includes(String(value['unitText']))) report.invalid.push('baseSalary.value.unitText');
}

/** Checks one JobPosting node against Google's required and recommended properties. */
export function checkJobPosting(data: unknown): PostingReport {
  const report: PostingReport = { missingRequired: [], invalid: [], missingRecommended: [] };
  if (!isNode(data) || data['@type'] !== 'JobPosting') {
    report.invalid.push('@type: JobPosting');
    return report;
  }
  if (!/^https?:\/\/schema\.org\/?$/.test(String(data['@context'])))
    report.invalid.push('@context: schema.org');
  for (const key of ['title', 'description', 'datePosted']) {
    if (!text(data[key])) report.missingRequired.push(key);
  }
  if (text(data['title']) && /<[a-z]/i.test(String(data['title']))) report.invalid.push('title: plain text');
  for (const key of ['datePosted', 'validThrough']) {
    if (text(data[key]) && !ISO_DATE.test(String(data[key]))) report.invalid.push(`${key}: ISO 8601`);
  }
  if (!text(data['validThrough'])) report.missingRecommended.push('validThrough');
  else if (String(data['validThrough']) <= String(data['datePosted']))
    report.invalid.push('validThrough: after datePosted');

  const organization = data['hiringOrganization'];
  if (!isNode(organization) || !text(organization['name']))
    report.missingRequired.push('hiringOrganization.name');
  else {
    if (organization['@type'] !== 'Organization')
      report.invalid.push('hiringOrganization: @type Organization');
    for (const key of ['sameAs', 'logo']) {
      if (organization[key] === undefined) report.missingRecommended.push(`hiringOrganization.${key}`);
      else if (!isUrl(organization[key])) report.invalid.push(`hiringOrganization.${key}: an absolute URL`);
    }
  }

  const remote = data['jobLocationType'] !== undefined;
  if (remote && data['jobLocationType'] !== 'TELECOMMUTE')
    report.invalid.push('jobLocationType: TELECOMMUTE');
  const places = asList(data['jobLocation']);
  for (const [index, place] of places.entries()) checkAddress(place, `jobLocation[${index}]`, report);
  const areas = asList(data['applicantLocationRequirements']);
  // A fully remote posting needs no jobLocation, but then must say where applicants may live.
  if (places.length === 0 && !remote) report.missingRequired.push('jobLocation');
  if (remote && areas.length === 0) report.missingRequired.push('applicantLocationRequirements');
  for (const area of areas) {
    const named = isNode(area) && text(area['name']) ? String(area['name']) : '';
    if (
      !isNode(area) ||
      !['Country', 'State', 'AdministrativeArea'].includes(String(area['@type'])) ||
      !named
    )
      report.invalid.push(
        `applicantLocationRequirements: ${JSON.stringify(area)} is not a named Country or State`,
      );
    else if (
      area['@type'] === 'Country' &&
      !isoCountries.getAlpha2Code(named, 'en') &&
      !isoCountries.isValid(named)
    )
      report.invalid.push(`applicantLocationRequirements: "${named}" is not a country`);
  }

  const types = asList(data['employmentType']);
  if (types.length === 0) report.missingRecommended.push('employmentType');
  for (const type of types) {
    if (!EMPLOYMENT_TYPES.includes(String(type)))
      report.invalid.push(`employmentType: ${JSON.stringify(type)}`);
  }
  if (data['baseSalary'] === undefined) report.missingRecommended.push('baseSalary');
  else checkSalary(data['baseSalary'], report);
  const identifier = data['identifier'];
  if (identifier === undefined) report.missingRecommended.push('identifier');
  else if (
    !isNode(identifier) ||
    identifier['@type'] !== 'PropertyValue' ||
    !text(identifier['name']) ||
    !text(String(identifier['value'] ?? ''))
  )
    report.invalid.push('identifier: a PropertyValue with name and value');
  if (data['directApply'] !== undefined && typeof data['directApply'] !== 'boolean')
    report.invalid.push('directApply: true or false');
  return report;
}
