/**
 * Deploying a new build the documented way: build into a new folder, point the `current`
 * symlink at it atomically, send SIGHUP. Requests run in a loop across the switch: none may
 * fail, and afterwards both the static pages and Astro's server bundle are the new build's.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, realpathSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildSite, copyContent, makeScratch, removeScratch } from './support/scratch-site.ts';
import { type RunningServer, startServer } from './support/server.ts';

const ARTICLE = '/blog/published-article/';
const OLD_TITLE = 'A published article with every component';
const NEW_TITLE = 'A republished article from the second build';

/** Points `link` at `target` in one rename, so a reader of the link never finds it missing. */
function switchLink(link: string, target: string): void {
  symlinkSync(target, `${link}.next`);
  renameSync(`${link}.next`, link);
}

test('a new build goes live on SIGHUP, static pages and server bundle, without one failed request', async () => {
  test.setTimeout(420_000);
  const scratch = makeScratch('reload');
  let server: RunningServer | undefined;
  try {
    const content = copyContent('tests/fixtures/content/publishing', scratch);
    // Both builds share the key that encrypts island props, as the deployment guide requires:
    // an island URL from a page of the first build must still open on the second.
    const env = { ASTRO_KEY: randomBytes(32).toString('base64') };
    const first = join(scratch, 'releases/first');
    const second = join(scratch, 'releases/second');
    expect(buildSite(content, first, env).status).toBe(0);
    const article = join(content, 'articles/published-article.mdx');
    writeFileSync(
      article,
      readFileSync(article, 'utf8').replace(`title: ${OLD_TITLE}`, `title: ${NEW_TITLE}`),
    );
    expect(buildSite(content, second, env).status).toBe(0);

    const current = join(scratch, 'current');
    switchLink(current, first);
    server = await startServer({ DIST_DIR: current });
    const base = server.url;
    const html = await (await fetch(`${base}${ARTICLE}`)).text();
    expect(html).toContain(OLD_TITLE);
    const island = /\/_server-islands\/HiringNowRoles\/[^"'\s]+/.exec(html)?.[0]?.replaceAll('&amp;', '&');
    if (!island) throw new Error('the article has no jobs island');
    const paths = [ARTICLE, `${ARTICLE}comments/`, island, '/', '/no-such-page/'];

    const failures: string[] = [];
    let requests = 0;
    let running = true;
    // Four readers at once, so requests are in flight on the old build while the new one loads.
    const reader = async () => {
      while (running) {
        for (const path of paths) {
          const expected = path === '/no-such-page/' ? 404 : 200;
          try {
            const response = await fetch(`${base}${path}`);
            await response.arrayBuffer();
            if (response.status !== expected) failures.push(`${path}: ${response.status}`);
          } catch (error) {
            failures.push(`${path}: ${(error as Error).message}`);
          }
          requests += 1;
        }
      }
    };
    const readers = Promise.all([reader(), reader(), reader(), reader()]);

    await expect.poll(() => requests).toBeGreaterThan(100);
    switchLink(current, second);
    server.process.kill('SIGHUP');
    await server.printed(`SIGHUP: serving ${realpathSync(second)}`);
    const afterSwitch = requests;
    await expect.poll(() => requests).toBeGreaterThan(afterSwitch + 100);
    running = false;
    await readers;

    expect(failures).toEqual([]);
    expect(await (await fetch(`${base}${ARTICLE}`)).text()).toContain(NEW_TITLE);
    // The comments page is rendered per request by Astro's server bundle, from its own list of titles.
    const comments = await (await fetch(`${base}${ARTICLE}comments/`)).text();
    expect(comments).toContain(`Comments on “${NEW_TITLE}”`);
    expect(comments).not.toContain(OLD_TITLE);
  } finally {
    await server?.stop();
    removeScratch(scratch);
  }
});
