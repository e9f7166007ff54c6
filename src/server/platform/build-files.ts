/** Reads the JSON files a build writes beside `client/` and `server/` (the features' manifests). */
import { readFileSync } from 'node:fs';

/** Parses a build file's text; throws naming the file when it is not JSON. */
export function parseBuildJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${file} is not JSON (${error instanceof Error ? error.message : error}); rebuild the site`,
    );
  }
}

/** A build file's parsed JSON, or undefined when the build has none (made by a version without it). */
export function readBuildJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parseBuildJson(text, file);
}
