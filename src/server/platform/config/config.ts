/**
 * The configuration, read from the environment once and checked as a whole: a wrong value
 * is reported with the variable, what is wrong and the expected form, before anything starts.
 */
import type { z } from 'zod';
import type { Field } from './fields.ts';
import { type VariableName, variables } from './schema.ts';

type Variables = typeof variables;
type ValueOf<F> = F extends Field<infer T> ? T : never;
type HasDefault<F> = F extends { default: string } ? true : false;

/** Every variable's value: a variable without a default is undefined when unset. */
export type Config = {
  readonly [K in VariableName]: HasDefault<Variables[K]> extends true
    ? ValueOf<Variables[K]>
    : ValueOf<Variables[K]> | undefined;
};

/** Thrown when one or more variables are wrong; the message has one line per problem. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Configuration error:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

function describeProblem(name: VariableName, raw: string, issues: z.core.$ZodIssue[]): string {
  const field: Field<unknown> = variables[name];
  const shown = field.secret ? '(hidden)' : JSON.stringify(raw);
  const why = issues.map((issue) => issue.message).join('; ');
  return `${name}=${shown} ${why}: expected ${field.expected}`;
}

/** Checks rules that involve more than one variable. */
function crossCheck(config: Config): string[] {
  const problems: string[] = [];
  if (config.JOBS_FEED_URL && !config.JOBS_FEED_FORMAT)
    problems.push(
      `JOBS_FEED_FORMAT is required when JOBS_FEED_URL is set: expected ${variables.JOBS_FEED_FORMAT.expected}`,
    );
  return problems;
}

/** Reads and checks every variable from `env`; throws a ConfigError listing every problem. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const name of Object.keys(variables) as VariableName[]) {
    const field: Field<unknown> = variables[name];
    const given = env[name];
    const raw = given === undefined || given.trim() === '' ? field.default : given;
    if (raw === undefined) {
      values[name] = undefined;
      continue;
    }
    const result = field.schema.safeParse(raw);
    if (result.success) values[name] = result.data;
    else problems.push(describeProblem(name, raw, result.error.issues));
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const config = values as Config;
  const cross = crossCheck(config);
  if (cross.length > 0) throw new ConfigError(cross);
  return Object.freeze(config);
}

// The server entry and Astro's server bundle each load their own copy of this module; both
// read the same environment, so each parses it once.
let current: Config | undefined;

/** The process's configuration, parsed from process.env on first use. */
export function getConfig(): Config {
  current ??= parseConfig(process.env);
  return current;
}

/** Forgets the parsed configuration, for tests that change process.env between cases. */
export function resetConfig(): void {
  current = undefined;
}
