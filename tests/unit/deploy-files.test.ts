import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const read = (file: string) => readFileSync(join(root, file), 'utf8');

test.each(['deploy/blog.service', 'deploy/nginx.conf', 'deploy/Caddyfile'])(
  'docs/deploy.md includes %s as it is shipped',
  (file) => {
    expect(read('docs/deploy.md')).toContain(read(file).trimEnd());
  },
);
