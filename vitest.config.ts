/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// getViteConfig gives tests the same aliases and virtual modules (astro:content types) as the site.
export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Postgres suites create their own databases; SQLite suites use temp files. Files run in
    // parallel, tests inside a file in order.
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
