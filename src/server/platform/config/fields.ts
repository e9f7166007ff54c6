import { z } from 'zod';

/** Who reads a variable: the running server, the build, or only the CLI and tests. */
export type Scope = 'server' | 'build' | 'tooling';

/** One environment variable: how to read it, its default and what it means. */
export interface Field<T> {
  /** Parses the raw text; fails with a message naming what is wrong. */
  schema: z.ZodType<T>;
  /** The text used when the variable is unset or empty; undefined means "unset" is allowed. */
  default: string | undefined;
  /** The form a value must take, shown when a value is wrong and in docs/configuration.md. */
  expected: string;
  /** One or two sentences for the documentation. */
  doc: string;
  scope: Scope;
  /** Values never printed (logs, errors). */
  secret?: boolean;
}

/** What a declaration states besides the form: default, documentation, scope, secrecy. */
type Options<D extends string | undefined> = {
  default: D;
  doc: string;
  scope?: Scope;
  secret?: boolean;
};

/** A field whose default's presence is known to the type checker (so the value's type is too). */
export type Declared<T, D extends string | undefined> = Field<T> & { default: D };

function field<T, D extends string | undefined>(
  schema: z.ZodType<T>,
  expected: string,
  options: Options<D>,
): Declared<T, D> {
  return { scope: 'server', ...options, schema, expected };
}

const WHOLE = /^\d+$/;

/** A whole number within [min, max]. */
export function integer<D extends string | undefined>(
  min: number,
  max: number,
  options: Options<D>,
): Declared<number, D> {
  const schema = z
    .string()
    .trim()
    .regex(WHOLE, 'is not a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `is below ${min}`).max(max, `is above ${max}`));
  return field(schema, `a whole number from ${min} to ${max}`, options);
}

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];

/** An on/off switch. */
export function flag<D extends string | undefined>(options: Options<D>): Declared<boolean, D> {
  const schema = z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => TRUE.includes(value) || FALSE.includes(value), 'is not an on/off value')
    .transform((value) => TRUE.includes(value));
  return field(schema, '1 or 0 (also true/false, yes/no, on/off)', options);
}

/** Free text of at least `min` characters. */
export function text<D extends string | undefined>(min: number, options: Options<D>): Declared<string, D> {
  const schema = z.string().min(min, `is shorter than ${min} characters`);
  return field(schema, min > 1 ? `text of at least ${min} characters` : 'text', options);
}

/** An absolute http(s) URL. */
export function httpUrl<D extends string | undefined>(options: Options<D>): Declared<string, D> {
  const schema = z
    .string()
    .trim()
    .refine((value) => /^https?:\/\/[^/]/i.test(value) && URL.canParse(value), 'is not an http(s) URL');
  return field(schema, 'an absolute http:// or https:// URL', options);
}

/** One of a fixed set of words. */
export function oneOf<const T extends readonly [string, ...string[]], D extends string | undefined>(
  values: T,
  options: Options<D>,
): Declared<T[number], D> {
  const schema = z
    .string()
    .trim()
    .refine((value): value is T[number] => values.includes(value), `is not one of ${values.join(', ')}`);
  return field(schema as z.ZodType<T[number]>, `one of ${values.join(', ')}`, options);
}

/** A comma-separated list, trimmed and lower-cased, empty entries dropped. */
export function list<D extends string | undefined>(options: Options<D>): Declared<string[], D> {
  const schema = z.string().transform((value) =>
    value
      .split(',')
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean),
  );
  return field(schema, 'comma-separated values', options);
}

/** Text checked by a parser of the caller's (e.g. a database URL). */
export function parsed<T, D extends string | undefined>(
  parse: (value: string) => T,
  expected: string,
  options: Options<D>,
): Declared<T, D> {
  const schema = z.string().transform((value, context) => {
    try {
      return parse(value);
    } catch (error) {
      context.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
  });
  return field(schema, expected, options);
}
