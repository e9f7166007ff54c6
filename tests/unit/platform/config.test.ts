import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, parseConfig } from '../../../src/server/platform/config/config.ts';
import { renderConfigurationDoc } from '../../../src/server/platform/config/doc.ts';
import { variables } from '../../../src/server/platform/config/schema.ts';

const root = new URL('../../../', import.meta.url).pathname;

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseConfig', () => {
  test('gives every default when nothing is set, and treats an empty value as unset', () => {
    const config = parseConfig({ PORT: '', COMMENTS_RATE_LIMIT: ' ' });
    expect(config.PORT).toBe(4321);
    expect(config.COMMENTS_RATE_LIMIT).toBe(5);
    expect(config.TRUST_PROXY).toBe(false);
    expect(config.ADMIN_PASSWORD).toBeUndefined();
  });

  test('reads numbers, switches and lists in their documented forms', () => {
    const config = parseConfig({
      PORT: '8080',
      TRUST_PROXY: 'yes',
      COMMENTS_BLOCKED_WORDS: ' Casino, , cheap pills ',
    });
    expect([config.PORT, config.TRUST_PROXY, config.COMMENTS_BLOCKED_WORDS]).toEqual([
      8080,
      true,
      ['casino', 'cheap pills'],
    ]);
  });

  test('names the variable, what is wrong and the expected form, for every wrong value at once', () => {
    expect(problemsOf({ COMMENTS_RATE_LIMIT: '5x', PORT: '70000', TRUST_PROXY: 'maybe' })).toEqual([
      'PORT="70000" is above 65535: expected a whole number from 1 to 65535',
      'TRUST_PROXY="maybe" is not an on/off value: expected 1 or 0 (also true/false, yes/no, on/off)',
      'COMMENTS_RATE_LIMIT="5x" is not a whole number: expected a whole number from 1 to 10000',
    ]);
  });

  test('never prints a secret value', () => {
    const [problem] = problemsOf({ DATABASE_URL: 'mysql://root:hunter2@db/blog' });
    expect(problem).toMatch(/^DATABASE_URL=\(hidden\) DATABASE_URL "mysql:/);
    expect(problemsOf({ ADMIN_PASSWORD: 'hunter2' }).join()).not.toContain('hunter2');
  });

  test('refuses a feed URL without its format', () => {
    expect(problemsOf({ JOBS_FEED_URL: 'https://example.com/feed.json' })).toEqual([
      'JOBS_FEED_FORMAT is required when JOBS_FEED_URL is set: expected one of greenhouse, lever, ashby, json',
    ]);
  });
});

describe('docs/configuration.md', () => {
  test('is the one generated from the schema (run npm run docs:config after changing it)', () => {
    expect(readFileSync(join(root, 'docs/configuration.md'), 'utf8')).toBe(renderConfigurationDoc());
  });
});

/** Files that may read process.env directly: the configuration module and test tooling. */
const DIRECT_READERS = ['src/server/platform/config/config.ts'];
/**
 * Variables a test or benchmark sets for a child process it starts itself (or that CI sets),
 * never by a person: the fuzz knobs are documented in docs/fuzz.md.
 */
const TOOLING_ONLY = new Set([
  'CI',
  'E2E_BASE_URL',
  'E2E_SKIP_BUILD',
  'E2E_DATABASE_URL',
  'FUZZ_SEED',
  'FUZZ_RUNS',
  'BARE_BYTES',
  'BARE_RESPONSE',
  // The system's own: passed on to a server started as systemd would, with nothing else.
  'PATH',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|mjs|astro)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length));
}

describe('environment variables', () => {
  test('the site reads none but through the configuration module', () => {
    const readers = [...sourceFiles('src'), 'astro.config.mjs']
      .filter((file) => !DIRECT_READERS.includes(file))
      .filter((file) => /process\.env\b/.test(readFileSync(join(root, file), 'utf8')));
    expect(readers).toEqual([]);
  });

  test('every variable the scripts and tests read is declared or known tooling', () => {
    const read = new Set<string>();
    for (const file of [...sourceFiles('scripts'), ...sourceFiles('tests'), 'playwright.config.ts']) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const match of text.matchAll(/process\.env(?:\.|\[')([A-Z][A-Z0-9_]+)/g)) read.add(match[1] ?? '');
    }
    const undeclared = [...read].filter((name) => !(name in variables) && !TOOLING_ONLY.has(name));
    expect(undeclared).toEqual([]);
  });
});
