/**
 * Writes N realistic generated articles (headings, a table, a code block, ~1,200 words each)
 * with their categories and authors into a content folder of the editors' shape. Text is
 * drawn from a fixed pool with a seeded generator, so every run writes the same files.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const categories = ['backend', 'frontend', 'full-stack', 'careers', 'devops', 'newsletters'];
const authors = ['alex-morgan', 'sam-rivera', 'kim-osei'];
const tags = ['apis', 'databases', 'cloud', 'typescript', 'testing', 'hiring', 'security', 'performance'];

const sentences = [
  'Teams that ship often rely on small, reversible changes and a fast path back to a known good state.',
  'A well-designed API states its contract plainly and fails with errors that tell the caller what to fix.',
  'Database indexes speed up reads, but every index is paid for again on each write and in storage.',
  'Observability turns a vague report that the site is slow into a trace that names the query responsible.',
  'Hiring managers look for evidence of finished work more than for a long list of frameworks on a CV.',
  'Caching is easy to add and hard to remove, so the invalidation rule deserves as much design as the cache.',
  'Type systems catch a whole class of mistakes before review, leaving people free to discuss behaviour.',
  'Accessibility problems are usually structural, which is why they are cheapest to fix while designing.',
  'Background jobs need the same care as request handlers: retries, idempotency and a place for failures.',
  'Security reviews go faster when secrets, permissions and untrusted input each have a single home.',
  'Performance budgets work because they turn a matter of taste into a number that a build can check.',
  'A clear pull request description saves reviewers time and leaves a record of why the code changed.',
];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function paragraph(next: () => number): string {
  return Array.from({ length: 5 }, () => sentences[Math.floor(next() * sentences.length)]).join(' ');
}

const table = `| Practice | Cost | Benefit |
| --- | --- | --- |
| Code review | An hour a day | Shared knowledge, fewer defects |
| Automated tests | Slower first release | Safe refactoring |
| Tracing | Some overhead | Faster incident diagnosis |`;

const code = `\`\`\`ts
export async function withRetry<T>(task: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await task();
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2 ** i * 100));
    }
  }
}
\`\`\``;

function article(index: number): string {
  const next = random(index + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const sections = Array.from({ length: 6 }, (_, s) => {
    const body = [paragraph(next), paragraph(next)];
    if (s === 2) body.push(table);
    if (s === 4) body.push(code);
    const sub = s % 2 === 1 ? `\n\n### Practice ${s} in detail\n\n${paragraph(next)}` : '';
    return `## Section ${s + 1} of article ${index}\n\n${body.join('\n\n')}${sub}`;
  });
  const first = Math.floor(next() * categories.length);
  const second = (first + 1 + Math.floor(next() * (categories.length - 1))) % categories.length;
  const date = new Date(Date.UTC(2020, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
  return `---
title: Generated engineering article number ${index}
description: A generated article used to measure how long the site takes to build at scale, number ${index}.
pubDate: ${date}
categories: [${categories[first]}, ${categories[second]}]
tags: [${pick(tags)}, ${pick(tags)}]
author: ${pick(authors)}
---

${sections.join('\n\n')}
`;
}

/** Replaces `dir` with `count` generated articles plus their categories and authors. */
export function generateContent(dir: string, count: number): void {
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['articles', 'categories', 'authors']) mkdirSync(join(dir, sub), { recursive: true });
  for (const slug of categories) {
    writeFileSync(
      join(dir, 'categories', `${slug}.yml`),
      `name: ${slug}\ndescription: Articles about ${slug}.\n`,
    );
  }
  for (const slug of authors) {
    writeFileSync(join(dir, 'authors', `${slug}.yml`), `name: ${slug}\nbio: Writes generated articles.\n`);
  }
  for (let i = 1; i <= count; i++) {
    writeFileSync(join(dir, 'articles', `generated-${String(i).padStart(5, '0')}.mdx`), article(i));
  }
}
