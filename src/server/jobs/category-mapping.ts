import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse } from 'yaml';
import { contentDirectory } from '../platform/config/paths.ts';

/** How roles reach one blog category: by department, by team, or by words in the title. */
export interface CategoryRule {
  category: string;
  departments: ReadonlySet<string>;
  teams: ReadonlySet<string>;
  keywords: RegExp[];
}

/** The editors' mapping (content/jobs-mapping.yml), in file order. */
export interface CategoryMapping {
  rules: CategoryRule[];
  /** Every category slug that exists in content/categories. */
  known: ReadonlySet<string>;
}

const FIELDS = ['departments', 'teams', 'keywords'] as const;

/** Departments and teams compare without case or surrounding space. */
function normalise(name: string): string {
  return name.trim().toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Parses the mapping YAML: `<category-slug>: { departments: [...], teams: [...], keywords: [...] }`.
 * Throws an error naming the file's problem (unknown category, wrong shape).
 */
export function parseCategoryMapping(yamlText: string, known: ReadonlySet<string>): CategoryMapping {
  const data: unknown = parse(yamlText) ?? {};
  if (typeof data !== 'object' || Array.isArray(data))
    throw new Error('the mapping must map category slugs to rules');
  const rules = Object.entries(data as Record<string, unknown>).map(([category, rule]): CategoryRule => {
    if (!known.has(category))
      throw new Error(`unknown category "${category}" (known: ${[...known].join(', ')})`);
    if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
      throw new Error(`${category}: expected departments, teams and keywords lists`);
    }
    const lists = rule as Record<string, unknown>;
    for (const key of Object.keys(lists)) {
      if (!FIELDS.includes(key as (typeof FIELDS)[number]))
        throw new Error(`${category}: unknown field "${key}" (use ${FIELDS.join(', ')})`);
    }
    const list = (key: (typeof FIELDS)[number]): string[] => {
      const value = lists[key] ?? [];
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim())) {
        throw new Error(`${category}.${key} must be a list of non-empty strings`);
      }
      return value;
    };
    return {
      category,
      departments: new Set(list('departments').map(normalise)),
      teams: new Set(list('teams').map(normalise)),
      // Whole words only, so "api" does not match "rapid".
      keywords: list('keywords').map(
        (k) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(normalise(k))}($|[^\\p{L}\\p{N}])`, 'iu'),
      ),
    };
  });
  return { rules, known };
}

/** The categories a role belongs to, in mapping order: by department, team or title keyword. */
export function matchCategories(
  job: { title: string; department: string | null; team: string | null },
  mapping: CategoryMapping,
): string[] {
  const department = job.department ? normalise(job.department) : null;
  const team = job.team ? normalise(job.team) : null;
  return mapping.rules
    .filter(
      (rule) =>
        (department !== null && rule.departments.has(department)) ||
        (team !== null && rule.teams.has(team)) ||
        rule.keywords.some((keyword) => keyword.test(job.title)),
    )
    .map((rule) => rule.category);
}

/** True when some rule names this department, so the import report can list the ones nobody mapped. */
export function isDepartmentMapped(department: string, mapping: CategoryMapping): boolean {
  const name = normalise(department);
  return mapping.rules.some((rule) => rule.departments.has(name));
}

/** Loads jobs-mapping.yml and the category slugs under categories/ from the content folder. */
export function loadCategoryMapping(contentDir = contentDirectory()): CategoryMapping {
  const known = new Set(
    readdirSync(join(contentDir, 'categories'))
      .filter((name) => ['.yml', '.yaml', '.json'].includes(extname(name)))
      .map((name) => basename(name, extname(name))),
  );
  const file = join(contentDir, 'jobs-mapping.yml');
  try {
    return parseCategoryMapping(readFileSync(file, 'utf8'), known);
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
