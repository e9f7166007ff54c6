import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The colour schemes every accessibility audit runs in. */
export const colorSchemes = ['light', 'dark'] as const;

/**
 * Runs axe (WCAG 2.x A and AA rules, plus best practices) on the page as it is and fails
 * with a readable list of violations.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}
