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

const adminFiles = [
  ...filesUnder('src/server/admin'),
  ...filesUnder('src/components/admin'),
  ...filesUnder('src/pages/admin'),
];

describe('the admin and comments features', () => {
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

  test('comments never import the admin, and neither reads another feature', () => {
    const crossings = [...filesUnder('src/server/comments'), ...filesUnder('src/server/admin')].flatMap(
      (file) => {
        const own = file.split('/')[2];
        return importsOf(file)
          .filter((path) => /^src\/server\/(?!platform\/)[^/]+\//.test(path))
          .filter(
            (path) => path.split('/')[2] !== own && !(own === 'admin' && path.split('/')[2] === 'comments'),
          )
          .map((path) => `${file} -> ${path}`);
      },
    );
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
