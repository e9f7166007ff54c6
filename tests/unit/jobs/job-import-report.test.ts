import { describe, expect, test } from 'vitest';
import { matchCategories } from '../../../src/server/jobs/category-mapping.ts';
import { parseFeed } from '../../../src/server/jobs/importers/index.ts';
import type { Job } from '../../../src/server/jobs/job.ts';
import { reportUnmappedDepartments } from '../../../src/server/jobs/job-departments.ts';
import type { ImportSummary } from '../../../src/server/jobs/job-import.service.ts';
import { formatSummary } from '../../../src/server/jobs/job-import-report.ts';
import { fixture, mapping, optionsFor, role } from './fixtures.ts';

const job = (id: string, title: string) => ({ id, externalId: `ext-${id}`, title }) as Job;

describe('the import report', () => {
  test('names every role added and closed, every problem, each guess and each unmapped department', () => {
    const summary: ImportSummary = {
      source: 'acme',
      added: [job('a1', 'Senior Backend Engineer'), job('a2', 'Full Stack Developer')],
      updated: 1,
      unchanged: 4,
      closed: [job('c1', 'Financial Controller')],
      rejected: [{ index: 2, externalId: '4012003', problems: ['missing title', 'missing apply URL'] }],
      skipped: 0,
      warnings: [
        {
          index: 1,
          externalId: '4012002',
          message: "remote role names no area: using EU, the source's default",
        },
      ],
      unmappedDepartments: [
        { name: 'Data Science', roles: 2, suggestion: 'backend' },
        { name: 'Finance', roles: 1, suggestion: null },
      ],
    };
    expect(formatSummary(summary)).toEqual([
      'acme: 2 added, 1 updated, 4 unchanged, 1 closed, 1 rejected',
      '  added Senior Backend Engineer (id ext-a1): /jobs/a1/',
      '  added Full Stack Developer (id ext-a2): /jobs/a2/',
      '  closed Financial Controller (id ext-c1): /jobs/c1/',
      '  rejected record 2 (id 4012003): missing title; missing apply URL',
      "  warning, record 1 (id 4012002): remote role names no area: using EU, the source's default",
      '  department "Data Science" (2 roles) is not in content/jobs-mapping.yml: its roles\' titles suggest adding it under backend',
      '  department "Finance" (1 role) is not in content/jobs-mapping.yml: no role title suggests a category',
    ]);
    expect(formatSummary(summary, { warnings: 'count' })).toContain(
      '  1 warnings: `npm run jobs -- import` of the feed lists them',
    );
  });

  test('maps the common board departments out of the box', () => {
    for (const department of [
      'Engineering',
      'Product Engineering',
      'Infrastructure',
      'Recruiting',
      'People',
      'Developer Relations',
    ]) {
      expect(matchCategories({ title: 'Someone', department, team: null }, mapping), department).not.toEqual(
        [],
      );
    }
  });

  test('suggests where to map a department from the categories its roles got by title', () => {
    const records = [
      role('1', { title: 'Data Engineer', department: 'Data Science' }),
      role('2', { title: 'Backend Engineer, ML', department: 'data science' }),
      role('3', { title: 'Controller', department: 'Finance' }),
      role('4', { title: 'Platform Engineer', department: 'Platform' }),
    ];
    const categories = records.map((record) => matchCategories(record, mapping));
    expect(reportUnmappedDepartments(records, categories, mapping)).toEqual([
      { name: 'Data Science', roles: 2, suggestion: 'backend' },
      { name: 'Finance', roles: 1, suggestion: null },
    ]);
  });

  test("reports the Lever fixture's departments all mapped", () => {
    const parsed = parseFeed(fixture('lever.json'), 'lever', optionsFor('globex'));
    const categories = parsed.records.map((record) => matchCategories(record, mapping));
    expect(reportUnmappedDepartments(parsed.records, categories, mapping)).toEqual([]);
    expect(categories[0]).toEqual(['backend', 'full-stack']);
  });
});
