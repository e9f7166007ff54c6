/**
 * The project's folders, resolved in one place: the content the build reads and the build the
 * server serves. Relative settings resolve from the project root, wherever the process was
 * started (npm script, systemd unit, cron).
 */
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig } from './config.ts';

/** The folder holding package.json. */
export const projectRoot = fileURLToPath(new URL('../../../../', import.meta.url));

function fromRoot(path: string, root: string): string {
  return isAbsolute(path) ? path : resolve(root, path);
}

/** The content folder (CONTENT_DIR, default `content/`): articles/, categories/, authors/. */
export function contentDirectory(root: string = projectRoot): string {
  return fromRoot(getConfig().CONTENT_DIR, root);
}

/** The build folder the server serves (DIST_DIR, default `dist/`), without a trailing slash. */
export function distDirectory(): string {
  return fromRoot(getConfig().DIST_DIR ?? 'dist', projectRoot);
}

/** A file of the content folder. */
export function contentFile(...parts: string[]): string {
  return join(contentDirectory(), ...parts);
}
