import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readBuildJson } from '../../../src/server/platform/build-files.ts';

describe('a JSON file of the build', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'build-files-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('is read and parsed', () => {
    writeFileSync(join(dir, 'manifest.json'), '{"version":1}');
    expect(readBuildJson(join(dir, 'manifest.json'))).toEqual({ version: 1 });
  });

  test('is undefined when the build has none', () => {
    expect(readBuildJson(join(dir, 'absent.json'))).toBeUndefined();
  });

  test('that is damaged throws naming the file and asking for a rebuild', () => {
    const file = join(dir, 'mail-manifest.json');
    writeFileSync(file, '{"version":');
    expect(() => readBuildJson(file)).toThrow(`${file} is not JSON`);
    expect(() => readBuildJson(file)).toThrow(/rebuild the site/);
  });
});
