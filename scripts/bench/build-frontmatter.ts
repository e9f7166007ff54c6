/**
 * The frontmatter memo of src/lib/content-check/frontmatter.ts, measured in this process: one
 * build reads every article's frontmatter in four places (content check, site index, card
 * manifest, sitemap dates), and the memo parses each source once. Returns the seconds the
 * three repeated passes would cost without it: median over `rounds` of (parse − memo hit) × 3.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '../../src/lib/content-check/frontmatter.ts';

const READERS = 4;

/** Seconds saved per build by parsing each article's frontmatter once instead of four times. */
export function measureFrontmatterMemo(articlesDir: string, rounds: number): number {
  const sources = readdirSync(articlesDir).map((name) => readFileSync(join(articlesDir, name), 'utf8'));
  const savings: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // A different trailing line each round, so the first pass really parses.
    const fresh = sources.map((source) => `${source}\n${'\n'.repeat(round)}`);
    let started = performance.now();
    for (const source of fresh) parseFrontmatter(source);
    const parse = performance.now() - started;
    started = performance.now();
    for (const source of fresh) parseFrontmatter(source);
    const hit = performance.now() - started;
    savings.push(((parse - hit) * (READERS - 1)) / 1000);
  }
  return savings.sort((a, b) => a - b)[Math.floor(savings.length / 2)] ?? 0;
}
