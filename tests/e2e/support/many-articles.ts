/**
 * A content folder with more articles than one page holds, for the listings, tag pages and
 * search results that paginate: `count` articles that all mention "kubernetes" and all carry
 * the tag "Machine Learning" in three spellings. Two categories split them: every third article
 * is in Careers, the rest in Backend.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The word every generated article contains, so one search finds them all. */
export const SHARED_WORD = 'kubernetes';

/** How the generated articles spell their shared tag; all three are one tag. */
const SPELLINGS = ['Machine Learning', 'machine-learning', 'machine  learning'];

/** Whether the n-th generated article (from 1) is filed under Careers rather than Backend. */
export function isCareersArticle(n: number): boolean {
  return n % 3 === 0;
}

function article(n: number): string {
  const day = String((n % 28) + 1).padStart(2, '0');
  const month = String(Math.floor(n / 28) + 1).padStart(2, '0');
  const extra = n === 1 ? ', C++' : n === 2 ? ', C#' : '';
  return `---
title: Generated article number ${n}
description: A generated article about running services on ${SHARED_WORD}, number ${n} of a long series.
pubDate: 2025-${month}-${day}
categories: [${isCareersArticle(n) ? 'careers' : 'backend'}]
tags: [${SPELLINGS[n % SPELLINGS.length]}${extra}]
author: jordan
---

## Running ${SHARED_WORD} in production, part ${n}

Teams that run ${SHARED_WORD} clusters learn to keep deployments small and reversible. Part ${n}
looks at what that takes in practice, from health checks to the rollback plan.

## What to measure

Measure what readers feel: latency, errors and saturation, per service and per release.
`;
}

/** Writes the articles, their two categories and their author under `contentDir`. */
export function writeManyArticles(contentDir: string, count: number): void {
  for (const sub of ['articles', 'categories', 'authors'])
    mkdirSync(join(contentDir, sub), { recursive: true });
  writeFileSync(
    join(contentDir, 'categories', 'backend.yml'),
    'name: Backend\ndescription: Server-side engineering, from APIs to the systems behind them.\n',
  );
  writeFileSync(
    join(contentDir, 'categories', 'careers.yml'),
    'name: Careers\ndescription: Hiring, interviews and growing as an engineer.\n',
  );
  writeFileSync(
    join(contentDir, 'authors', 'jordan.yml'),
    "name: Jordan Ellis\nbio: Edits the generated articles.\ntwitter: 'jordan_gen'\n",
  );
  for (let n = 1; n <= count; n++)
    writeFileSync(join(contentDir, 'articles', `generated-${String(n).padStart(3, '0')}.mdx`), article(n));
}
