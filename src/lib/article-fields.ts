/**
 * Field schemas of the article frontmatter (see article-schema.ts), each with messages that
 * say what is wrong and how to fix it.
 */
import { z } from 'astro/zod';
import { SITE } from '../site.config.ts';
import { normalizeTagName, tagSlug } from './tags.ts';
import { instantOf, parseWallClock, type WallClock } from './zoned-time.ts';

/** Field missing or not a string: one wording for every required text field. */
export function text(example: string) {
  return z.string({
    error: (issue) =>
      issue.input === undefined
        ? `is missing; add it, e.g. ${example}`
        : `must be text, e.g. ${example} (put it in quotes if it contains a colon or starts with a digit)`,
  });
}

/** Refinement reporting a length outside min..max, with the length and the reason. */
export function lengthBetween(min: number, max: number, why: string) {
  return (value: string, ctx: z.RefinementCtx) => {
    if (value.length > max)
      ctx.addIssue({
        code: 'custom',
        message: `is ${value.length} characters long; shorten it to ${max} at most (${why})`,
      });
    if (value.length < min)
      ctx.addIssue({
        code: 'custom',
        message: `is ${value.length} characters long; write at least ${min} (${why})`,
      });
  };
}

/** js-yaml turns unquoted dates into UTC Dates; their UTC fields are what the editor typed. */
function typedWallClock(value: Date): WallClock {
  return {
    year: value.getUTCFullYear(),
    month: value.getUTCMonth() + 1,
    day: value.getUTCDate(),
    hour: value.getUTCHours(),
    minute: value.getUTCMinutes(),
    second: value.getUTCSeconds(),
  };
}

/** A date as editors write it (`2026-03-01` or `2026-03-01T09:00`), read in SITE.timeZone. */
export function siteDate() {
  return z.unknown().transform((value, ctx) => {
    const clock =
      value instanceof Date && !Number.isNaN(value.getTime())
        ? typedWallClock(value)
        : typeof value === 'string'
          ? parseWallClock(value)
          : null;
    if (clock) return instantOf(clock, SITE.timeZone);
    ctx.addIssue({
      code: 'custom',
      message:
        value === undefined
          ? `is missing; add the date as YYYY-MM-DD, e.g. 2026-03-01`
          : `'${String(value)}' is not a date; write it as YYYY-MM-DD (e.g. 2026-03-01) or YYYY-MM-DDTHH:mm ` +
            `for a time of day, without a time zone (dates are read in ${SITE.timeZone})`,
    });
    return z.NEVER;
  });
}

/**
 * Tags are one page each (/tags/<slug>/): stored trimmed and lower-case, and once per slug, so
 * "Machine Learning" and "machine-learning" in one article count once. A tag whose name has no
 * letter or digit for its web address is refused.
 */
export const tagList = z
  .array(
    z
      .string({ error: 'must be a list of words, e.g. [apis, databases]' })
      .trim()
      .min(1, 'has an empty tag')
      .refine((tag) => tagSlug(tag) !== '', {
        error: (issue) =>
          `has the tag '${String(issue.input)}', which has no letter or digit to build its page address from; ` +
          'write it with letters A-Z or digits, e.g. [apis, databases]',
      }),
    {
      error: 'must be a list, e.g. [apis, databases]',
    },
  )
  .default([])
  .transform((tags) => {
    const bySlug = new Map<string, string>();
    for (const tag of tags.map(normalizeTagName))
      if (!bySlug.has(tagSlug(tag))) bySlug.set(tagSlug(tag), tag);
    return [...bySlug.values()];
  });
