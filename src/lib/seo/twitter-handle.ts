/**
 * X (Twitter) handles as the site's configuration and the author files write them. Plain
 * TypeScript with relative imports: the content config loads it outside Vite's aliases.
 */
import { z } from 'astro/zod';

/** What X accepts as a user name: 1-15 letters, digits or underscores. */
const HANDLE = /^@?[A-Za-z0-9_]{1,15}$/;

/** A handle with or without its "@"; read as "@name" so twitter:site and twitter:creator agree. */
export const twitterHandle = z
  .string()
  .trim()
  .regex(HANDLE, 'must be an X (Twitter) handle: up to 15 letters, digits or underscores, e.g. @jordanellis')
  .transform((handle) => (handle.startsWith('@') ? handle : `@${handle}`));
