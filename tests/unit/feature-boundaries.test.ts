import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|astro)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** Every module a file imports, resolved to a path from the repository root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/\bfrom\s+'([^']+)'/g)].map(([, spec = '']) =>
    spec.startsWith('@/')
      ? `src/${spec.slice(2)}`
      : spec.startsWith('.')
        ? relative(root, join(root, file, '..', spec))
        : spec,
  );
}

/** The folders under src/server that are not features: shared code and the server entry. */
const SHARED = new Set(['platform', 'http']);
const featureOf = (path: string) => path.split('/')[2] ?? '';
const isShared = (path: string) => SHARED.has(featureOf(path)) || path.split('/').length < 4;
/** A feature's public surface: its services (`*.service.ts`) and its core types (`job.ts`). */
const isPublic = (path: string) =>
  /\.service(\.ts)?$/.test(path) || /^src\/server\/[^/]+\/[a-z]+(\.ts)?$/.test(path);
const featureFiles = () =>
  readdirSync(join(root, 'src/server'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !SHARED.has(entry.name))
    .flatMap((entry) => filesUnder(`src/server/${entry.name}`));

const adminFiles = [
  ...filesUnder('src/server/admin'),
  ...filesUnder('src/components/admin'),
  ...filesUnder('src/pages/admin'),
];

describe('feature boundaries', () => {
  test('the admin reaches comments only through the moderation service', () => {
    const reached = adminFiles.flatMap((file) =>
      importsOf(file)
        .filter((path) => path.startsWith('src/server/comments/'))
        .map((path) => `${file} -> ${path.replace(/\.ts$/, '')}`),
    );
    expect(reached.length).toBeGreaterThan(0);
    expect(
      reached.filter((line) => !line.endsWith('-> src/server/comments/comment-moderation.service')),
    ).toEqual([]);
  });

  test('a feature reaches another only through its services and core types, never the admin', () => {
    const crossings = featureFiles().flatMap((file) => {
      const own = featureOf(file);
      return importsOf(file)
        .filter((path) => /^src\/server\//.test(path) && !isShared(path) && featureOf(path) !== own)
        .filter((path) => featureOf(path) === 'admin' || !isPublic(path))
        .map((path) => `${file} -> ${path}`);
    });
    expect(crossings).toEqual([]);
  });

  test('queries stay in repositories: no other file of either feature builds SQL', () => {
    const builders = [...filesUnder('src/server/comments'), ...filesUnder('src/server/admin')]
      .filter((file) => !file.endsWith('.repository.ts'))
      .filter((file) =>
        /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/.test(
          readFileSync(join(root, file), 'utf8'),
        ),
      );
    expect(builders).toEqual([]);
  });

  test('failures are logged through the rate-limited failure log, never per request', () => {
    const direct = [
      ...filesUnder('src/server/comments'),
      ...adminFiles,
      ...filesUnder('src/components/comments'),
    ].filter((file) => /console\.(error|warn|log)/.test(readFileSync(join(root, file), 'utf8')));
    expect(direct).toEqual([]);
  });
});
