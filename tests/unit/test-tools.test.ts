import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { findTool, planTestTools, searchFolders, TEST_TOOLS } from '../../scripts/test-tools.ts';

const root = new URL('../../', import.meta.url).pathname;
const everyPackage = TEST_TOOLS.map((tool) => tool.debianPackage).join(' ');

describe('finding the test tools', () => {
  test('searches PATH and the sbin beside each bin in it', () => {
    expect(searchFolders('/usr/local/bin:/usr/bin:/opt/tools')).toEqual([
      '/usr/local/bin',
      '/usr/local/sbin',
      '/usr/bin',
      '/usr/sbin',
      '/opt/tools',
    ]);
  });

  test('finds only executables, and Chromium at CHROMIUM_PATH when that is set', () => {
    const folder = mkdtempSync(join(tmpdir(), 'blog-tools-'));
    try {
      writeFileSync(join(folder, 'nginx'), '#!/bin/sh\n', { mode: 0o755 });
      writeFileSync(join(folder, 'caddy'), 'not executable', { mode: 0o644 });
      expect(findTool('nginx', { PATH: folder })).toBe(join(folder, 'nginx'));
      expect(findTool('caddy', { PATH: folder })).toBeUndefined();
      expect(findTool('chromium', { PATH: '/usr/bin', CHROMIUM_PATH: join(folder, 'none') })).toBeUndefined();
      expect(findTool('chromium', { PATH: '', CHROMIUM_PATH: join(folder, 'nginx') })).toBe(
        join(folder, 'nginx'),
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('plans nothing, an install, or a stop that names the one command', () => {
    const [chromium, nginx] = TEST_TOOLS;
    if (!chromium || !nginx) throw new Error('expected chromium and nginx among the tools');
    expect(planTestTools([], false)).toEqual({ kind: 'ready' });
    expect(planTestTools([chromium, nginx], true)).toEqual({
      kind: 'install',
      packages: ['chromium', 'nginx'],
    });
    const stop = planTestTools([nginx], false);
    expect(stop.kind === 'stop' && stop.message).toContain('sudo apt-get install -y nginx');
    expect(stop.kind === 'stop' && stop.message).not.toContain('chromium');
  });
});

describe('npm test on a machine without the tools (pretest)', () => {
  let bin: string;
  beforeEach(() => {
    bin = mkdtempSync(join(tmpdir(), 'blog-bare-path-'));
  });
  afterEach(() => rmSync(bin, { recursive: true, force: true }));

  // Only `bin` on PATH: none of the tools, whatever this machine has installed elsewhere.
  const pretest = () =>
    spawnSync(process.execPath, [join(root, 'scripts/ensure-test-tools.ts')], {
      env: { PATH: bin },
      encoding: 'utf8',
      timeout: 30_000,
    });

  test('without apt-get it stops at once, naming what is missing and the command that installs it', () => {
    const result = pretest();
    expect(result.status).toBe(1);
    for (const tool of TEST_TOOLS) expect(result.stderr).toContain(`  ${tool.command} (`);
    expect(result.stderr).toContain(`sudo apt-get install -y ${everyPackage}`);
  });

  test('with apt-get it installs the missing packages when running as root, and otherwise says how', () => {
    // A stand-in apt-get that records its arguments and "installs" the program each package brings.
    const log = join(bin, 'apt-get.log');
    const installs = TEST_TOOLS.map(
      (tool) =>
        `    ${tool.debianPackage}) echo '#!/bin/sh' > ${bin}/${tool.command}; /bin/chmod +x ${bin}/${tool.command} ;;`,
    );
    writeFileSync(
      join(bin, 'apt-get'),
      [
        '#!/bin/sh',
        `echo "$@" >> ${log}`,
        'if [ "$1" = install ]; then',
        '  for name in "$@"; do case "$name" in',
        ...installs,
        '  esac; done',
        'fi',
      ].join('\n'),
    );
    chmodSync(join(bin, 'apt-get'), 0o755);
    const result = pretest();
    if (process.getuid?.() === 0) {
      expect(result.status, result.stderr).toBe(0);
      expect(readFileSync(log, 'utf8')).toBe(`update -qq\ninstall -y -qq ${everyPackage}\n`);
      for (const tool of TEST_TOOLS) expect(existsSync(join(bin, tool.command))).toBe(true);
    } else {
      expect(result.status).toBe(1);
      expect(existsSync(log)).toBe(false);
      expect(result.stderr).toContain(`sudo apt-get install -y ${everyPackage}`);
    }
  });
});
