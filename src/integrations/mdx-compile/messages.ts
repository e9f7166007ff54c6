/** What the main thread and the MDX compile workers send each other. */
import type { AstroMarkdownOptions, MdxRendererOptions, MdxRenderResult } from 'astro/markdown';

/** The renderer's settings as structured-clone data (`srcDir` as an href, not a URL). */
export interface RendererSettings {
  shared: AstroMarkdownOptions;
  mdx: Omit<MdxRendererOptions, 'srcDir'> & { srcDir?: string };
}

/** One file to compile. */
export interface CompileRequest {
  id: number;
  settings: RendererSettings;
  content: string;
  filePath: string;
  frontmatter: Record<string, unknown>;
}

/** An error's message, stack and own fields (MDX puts line, column and reason there). */
export type SerializedError = { name: string; message: string; stack?: string | undefined } & Record<
  string,
  unknown
>;

/** The compiled file, or why it failed. */
export type CompileResponse =
  | { id: number; result: MdxRenderResult }
  | { id: number; error: SerializedError };

/** Copies an error into clonable data, keeping the position fields the MDX plugin reports. */
export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  }
  return { ...fields, name: error.name, message: error.message, stack: error.stack };
}

/** Turns serialized error data back into an Error with the same fields. */
export function deserializeError(data: SerializedError): Error {
  const error = new Error(data.message);
  Object.assign(error, data);
  return error;
}
