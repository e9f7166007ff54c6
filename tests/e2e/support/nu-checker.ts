/**
 * The W3C Nu HTML checker (vnu.jar from the vnu-jar package, run with the machine's Java 17+),
 * over many documents in one run: starting the JVM costs seconds, checking a page milliseconds.
 * Nothing is downloaded: the jar ships in node_modules.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One message of the checker's JSON output. */
export interface NuMessage {
  /** "error", "info" (with subType "warning" for warnings) or "non-document-error". */
  type: string;
  subType?: string;
  message: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  extract?: string;
}

/** The checker's verdict on one document, split by severity. */
export interface NuReport {
  errors: NuMessage[];
  warnings: NuMessage[];
}

// The package's main module exports the jar's path.
const jar = String(createRequire(import.meta.url)('vnu-jar'));

/** A message as one readable line: "line 12: Element “meta” is missing … [<meta …>]". */
export function formatMessage(message: NuMessage): string {
  const extract = message.extract ? ` [${message.extract.replace(/\s+/g, ' ').trim()}]` : '';
  return `line ${message.lastLine ?? '?'}: ${message.message}${extract}`;
}

/**
 * A document with one known error, checked with every batch: the checker reports nothing for
 * a file it never read, so a batch that does not flag this one proves nothing.
 */
const CANARY = '<!doctype html><html lang="en"><title>canary</title><meta data-canary="1">';

/** Checks every document of `pages` (name → HTML) in one run of the checker. */
export function checkHtml(pages: Record<string, string>): Map<string, NuReport> {
  const dir = mkdtempSync(join(tmpdir(), 'nu-check-'));
  try {
    const files = Object.entries({ ...pages, '\0canary': CANARY }).map(([name, html], index) => {
      const path = join(dir, `${index}.html`);
      writeFileSync(path, html);
      return { name, path };
    });
    const run = spawnSync(
      'java',
      ['-jar', jar, '--format', 'json', '--exit-zero-always', ...files.map((f) => f.path)],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    if (run.error)
      throw new Error(
        `could not run the Nu HTML checker (java -jar vnu.jar; Java 17 or later is needed): ${run.error.message}`,
      );
    let messages: NuMessage[];
    try {
      messages = (JSON.parse(run.stderr) as { messages: NuMessage[] }).messages;
    } catch {
      throw new Error(
        `the Nu HTML checker did not answer JSON (exit ${run.status}):\n${run.stderr}${run.stdout}`,
      );
    }
    const unreadable = messages.filter((m) => m.type === 'non-document-error');
    if (unreadable.length > 0)
      throw new Error(`the Nu HTML checker could not read: ${unreadable.map(formatMessage).join('; ')}`);
    const of = (path: string) =>
      messages.filter((m) => m.url !== undefined && new URL(m.url).pathname === path);
    const canary = files.at(-1);
    if (!canary || !of(canary.path).some((m) => m.type === 'error'))
      throw new Error(`the Nu HTML checker reported nothing on a broken document:\n${run.stderr}`);
    return new Map(
      files.slice(0, -1).map(({ name, path }) => {
        const own = of(path);
        return [
          name,
          {
            errors: own.filter((m) => m.type === 'error'),
            warnings: own.filter((m) => m.type === 'info' && m.subType === 'warning'),
          },
        ];
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
