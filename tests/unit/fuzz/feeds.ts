import fc from 'fast-check';
import type { FeedFormat } from '../../../src/server/jobs/importers/index.ts';
import {
  field,
  hostileString,
  junkJson,
  POLLUTION_KEYS,
  rawObject,
  serialiseJson,
  XSS_PAYLOADS,
} from './hostile.ts';

const word = fc.constantFrom(
  'Senior',
  'Backend',
  'Engineer',
  'Platform',
  'Rust',
  'Go',
  'Data',
  'SRE',
  'Lead',
);
const words = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const id = fc.oneof(fc.integer({ min: 1, max: 1e9 }), fc.stringMatching(/^[a-z0-9-]{1,20}$/));
const url = fc.oneof(
  { weight: 6, arbitrary: fc.webUrl() },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '//evil.example/apply',
      'https://ok.example/apply?<script>',
      'mailto:jobs@example.com',
      'ftp://example.com/x',
    ),
  },
);
const date = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .date({ min: new Date('2020-01-01'), max: new Date('2026-11-01'), noInvalidDate: true })
      .map((d) => d.toISOString()),
  },
  { weight: 4, arbitrary: fc.integer({ min: 1_577_836_800_000, max: 1_790_000_000_000 }) },
  { weight: 1, arbitrary: fc.constantFrom('not a date', '2026-13-45', '', 'Infinity', 8.64e15 + 1) },
);
const futureDate = fc
  .date({ min: new Date('2026-12-01'), max: new Date('2031-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString());
const location = fc.constantFrom(
  'Remote',
  'Remote (EU)',
  'Remote - United States',
  'London, UK',
  'Berlin',
  '',
);
const currency = fc.constantFrom('USD', 'eur', 'GBP', 'USD', 'XX', 'dollars');
const amount = fc.oneof(fc.integer({ min: 0, max: 500_000 }), fc.constantFrom(-5, 1e308, 0.5));

/** Description HTML: readable text mixed with script, handlers, script URLs and stray tags. */
export const descriptionHtml: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: words.map((w) => `<p>${w} build reliable systems.</p>`) },
      { weight: 3, arbitrary: fc.constantFrom(...XSS_PAYLOADS) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(
            fc.constantFrom(
              'p',
              'a',
              'img',
              'div',
              'h1',
              'ul',
              'li',
              'svg',
              'iframe',
              'script',
              'style',
              'x-y',
            ),
            fc.constantFrom('href', 'src', 'onclick', 'onerror', 'style', 'class', 'srcset', 'formaction'),
            fc.oneof(url, hostileString),
          )
          .map(([tag, attr, value]) => `<${tag} ${attr}="${value}">${tag} text</${tag}>`),
      },
      { weight: 1, arbitrary: hostileString },
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join('\n'));

const escapeEntities = (html: string) =>
  html.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Extra keys a feed did not promise: prototype-pollution keys and random junk. */
const extraEntries = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...POLLUTION_KEYS), fc.string()), junkJson), {
  maxLength: 3,
});

function record(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<object> {
  return fc
    .tuple(fc.record(fields), extraEntries)
    .map(([values, extra]) => rawObject([...Object.entries(values), ...extra]));
}

const greenhouseJob = record({
  id: field(id),
  title: field(words),
  absolute_url: field(url),
  content: field(
    fc.tuple(descriptionHtml, fc.boolean()).map(([html, escaped]) => (escaped ? escapeEntities(html) : html)),
  ),
  company_name: field(words, 2),
  location: field(fc.record({ name: location })),
  departments: field(fc.array(fc.record({ name: field(words) }), { maxLength: 2 })),
  metadata: field(
    fc.array(fc.record({ name: fc.constantFrom('Employment Type', 'x'), value: field(words) })),
  ),
  pay_input_ranges: field(
    fc.array(
      fc.record({ min_cents: field(amount), max_cents: field(amount), currency_type: field(currency) }),
    ),
  ),
  first_published: field(date),
  updated_at: field(date, 2),
});

const leverJob = record({
  id: field(id),
  text: field(words),
  hostedUrl: field(url),
  applyUrl: field(url, 2),
  description: field(descriptionHtml),
  additional: field(descriptionHtml, 2),
  lists: field(
    fc.array(fc.record({ text: field(hostileString, 2), content: field(descriptionHtml) }), { maxLength: 3 }),
  ),
  categories: field(
    fc.record({
      location: field(location),
      commitment: field(words),
      department: field(words),
      team: field(words),
    }),
  ),
  workplaceType: field(fc.constantFrom('remote', 'onsite', 'hybrid')),
  country: field(fc.constantFrom('US', 'DE', 'GB')),
  salaryRange: field(
    fc.record({
      min: field(amount),
      max: field(amount),
      currency: field(currency),
      interval: field(fc.constantFrom('per-year-salary', 'per-hour-wage', 'one-time')),
    }),
  ),
  createdAt: field(date),
});

const ashbyJob = record({
  id: field(id),
  title: field(words),
  jobUrl: field(url),
  applyUrl: field(url, 2),
  descriptionHtml: field(descriptionHtml),
  isListed: field(fc.boolean()),
  location: field(location),
  isRemote: field(fc.boolean()),
  workplaceType: field(fc.constantFrom('Remote', 'OnSite', 'Hybrid')),
  employmentType: field(fc.constantFrom('FullTime', 'PartTime', 'Contract', 'Intern')),
  department: field(words),
  team: field(words),
  address: field(
    fc.record({ postalAddress: field(fc.record({ addressCountry: field(fc.constantFrom('US', 'DE')) })) }),
  ),
  compensation: field(
    fc.record({
      summaryComponents: field(
        fc.array(
          fc.record({
            compensationType: fc.constantFrom('Salary', 'Bonus'),
            interval: field(fc.constantFrom('1 YEAR', '1 HOUR', '2 YEARS')),
            currencyCode: field(currency),
            minValue: field(amount),
            maxValue: field(amount),
          }),
          { maxLength: 2 },
        ),
      ),
    }),
  ),
  publishedAt: field(date),
});

const jsonJob = record({
  id: field(id),
  title: field(words),
  company: field(words),
  applyUrl: field(url),
  description: field(descriptionHtml),
  employmentType: field(fc.constantFrom('FULL_TIME', 'PART_TIME', 'CONTRACTOR', 'INTERN')),
  remote: field(fc.boolean()),
  remoteRegions: field(fc.array(field(fc.constantFrom('EU', 'US'), 4), { maxLength: 3 })),
  location: field(location),
  department: field(words),
  team: field(words),
  salary: field(
    fc.option(
      fc.record({
        min: field(amount),
        max: field(amount),
        currency: field(currency),
        unit: field(fc.constantFrom('YEAR', 'HOUR', 'MONTH')),
      }),
      { freq: 2 },
    ),
    8,
  ),
  postedAt: field(date),
  validThrough: field(fc.option(futureDate, { freq: 2 })),
  categories: field(fc.array(fc.constantFrom('backend', 'careers', 'full-stack'), { maxLength: 2 })),
});

const jobsOf = (job: fc.Arbitrary<object>) =>
  fc.array(fc.oneof({ weight: 12, arbitrary: job }, { weight: 1, arbitrary: junkJson }), { maxLength: 6 });

/** The feed's whole shape per format, sometimes wrapped wrongly or replaced by junk. */
const feedValue: Record<FeedFormat, fc.Arbitrary<unknown>> = {
  greenhouse: jobsOf(greenhouseJob).map((jobs) =>
    rawObject([
      ['jobs', jobs],
      ['meta', { total: jobs.length }],
    ]),
  ),
  lever: jobsOf(leverJob),
  ashby: jobsOf(ashbyJob).map((jobs) =>
    rawObject([
      ['apiVersion', '1'],
      ['jobs', jobs],
    ]),
  ),
  json: fc.tuple(jobsOf(jsonJob), fc.constantFrom(1, 1, 1, 1, 1, 2, '1')).map(([jobs, version]) =>
    rawObject([
      ['version', version],
      ['jobs', jobs],
    ]),
  ),
};

/** Feed text in `format`: well-shaped but hostile (mostly), another shape, junk JSON, or not JSON. */
export function feedText(format: FeedFormat): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 20, arbitrary: feedValue[format].map(serialiseJson) },
    { weight: 1, arbitrary: junkJson.map(serialiseJson) },
    { weight: 1, arbitrary: fc.constantFrom('', '{', '[1,', 'null', '{"jobs":', '\u0000', '<html>') },
    { weight: 1, arbitrary: hostileString },
  );
}
