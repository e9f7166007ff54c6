import { type CategoryMapping, isDepartmentMapped } from './category-mapping.ts';

/** A department no rule of the mapping lists, for the import report. */
export interface DepartmentReport {
  /** As the feed spells it (the first spelling seen). */
  name: string;
  /** How many of the feed's roles are in it. */
  roles: number;
  /** The category most of its roles reached by title or team, to add it under; null when none did. */
  suggestion: string | null;
}

/**
 * The departments of `records` that content/jobs-mapping.yml does not list, sorted by name.
 * Their roles still get categories from title keywords and teams; the most common of those is
 * suggested as the place to map the department.
 */
export function reportUnmappedDepartments(
  records: readonly { department: string | null }[],
  categoriesOf: readonly string[][],
  mapping: CategoryMapping,
): DepartmentReport[] {
  const found = new Map<string, { name: string; roles: number; votes: Map<string, number> }>();
  records.forEach((record, index) => {
    if (!record.department || isDepartmentMapped(record.department, mapping)) return;
    const key = record.department.trim().toLowerCase();
    const entry = found.get(key) ?? { name: record.department, roles: 0, votes: new Map() };
    entry.roles += 1;
    for (const category of categoriesOf[index] ?? []) {
      entry.votes.set(category, (entry.votes.get(category) ?? 0) + 1);
    }
    found.set(key, entry);
  });
  return [...found.values()]
    .map(({ name, roles, votes }) => ({
      name,
      roles,
      // Most votes wins; ties go to the mapping's order, which is the file's.
      suggestion:
        [...votes.entries()].sort(
          (a, b) =>
            b[1] - a[1] ||
            mapping.rules.findIndex((r) => r.category === a[0]) -
              mapping.rules.findIndex((r) => r.category === b[0]),
        )[0]?.[0] ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
