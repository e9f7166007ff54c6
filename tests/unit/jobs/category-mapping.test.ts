import { describe, expect, test } from 'vitest';
import {
  isDepartmentMapped,
  loadCategoryMapping,
  matchCategories,
  parseCategoryMapping,
} from '../../../src/server/jobs/category-mapping.ts';

const known = new Set(['backend', 'careers', 'full-stack', 'newsletters']);
const mapping = parseCategoryMapping(
  `
backend:
  departments: [Platform]
  teams: [Payments API]
  keywords: [backend, api]
full-stack:
  keywords: [full stack]
careers:
  departments: [Talent]
`,
  known,
);

describe('matchCategories', () => {
  test('matches departments and teams regardless of case and spacing', () => {
    expect(matchCategories({ title: 'Engineer', department: ' platform ', team: null }, mapping)).toEqual([
      'backend',
    ]);
    expect(matchCategories({ title: 'Engineer', department: null, team: 'PAYMENTS API' }, mapping)).toEqual([
      'backend',
    ]);
  });

  test('matches title keywords as whole words only', () => {
    expect(matchCategories({ title: 'Senior API Engineer', department: null, team: null }, mapping)).toEqual([
      'backend',
    ]);
    expect(matchCategories({ title: 'Rapid Prototyper', department: null, team: null }, mapping)).toEqual([]);
  });

  test('returns every matching category in mapping order', () => {
    const job = { title: 'Full Stack and Backend Lead', department: 'Talent', team: null };
    expect(matchCategories(job, mapping)).toEqual(['backend', 'full-stack', 'careers']);
  });

  test('reports whether a department is listed anywhere', () => {
    expect(isDepartmentMapped('TALENT', mapping)).toBe(true);
    expect(isDepartmentMapped('Finance', mapping)).toBe(false);
  });
});

describe('parseCategoryMapping', () => {
  test('names an unknown category slug', () => {
    expect(() => parseCategoryMapping('quantum:\n  keywords: [qubit]\n', known)).toThrow(
      /unknown category "quantum"/,
    );
  });

  test('names a misspelt field', () => {
    expect(() => parseCategoryMapping('backend:\n  keyword: [api]\n', known)).toThrow(
      /backend: unknown field "keyword"/,
    );
  });

  test('refuses a list of something other than strings', () => {
    expect(() => parseCategoryMapping('backend:\n  teams: [1, 2]\n', known)).toThrow(
      /backend.teams must be a list/,
    );
  });

  test("accepts the editors' file against the real categories", () => {
    const real = loadCategoryMapping('content');
    expect([...real.known].sort()).toEqual(['backend', 'careers', 'full-stack', 'newsletters']);
    expect(
      matchCategories({ title: 'Senior Backend Engineer', department: null, team: null }, real),
    ).toContain('backend');
  });
});
