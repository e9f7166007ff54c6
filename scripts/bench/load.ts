/**
 * The benchmarks' load generator: autocannon against one server, run as its own process so it
 * can be pinned to the core the server does not use. Also the runner: `measure()` starts it
 * (under taskset when available) and reads the figures back, with the server's CPU time.
 *
 * As a script: `node load.ts < plan.json` prints autocannon's JSON report.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
// @ts-expect-error autocannon ships no type declarations (the shapes used are below).
import autocannonUntyped from 'autocannon';
import { canPin, cpuMs } from './processes.ts';

/** One load run. */
export interface Plan {
  origin: string;
  /** Paths requested in turn; each connection starts at its own place in the list. */
  paths: string[];
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
}

/** What one run measured. */
export interface Result {
  rps: number;
  p50: number;
  p99: number;
  /** Server CPU time per request, in µs: unlike req/s, barely moved by other work on the machine. */
  cpuUs: number;
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number;
  bytesPerRequest: number;
}

/** The fields of autocannon's JSON report read here. */
interface Report {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number };
  throughput: { total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

const self = fileURLToPath(import.meta.url);

interface Request {
  path: string;
  method: string;
}

/** The parts of autocannon's API and report this file uses (its README documents them). */
const autocannon = autocannonUntyped as (options: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  requests: Request[];
  setupClient: (client: { setRequests(requests: Request[]): void }) => void;
}) => Promise<unknown>;

/** Runs `plan` from a child process on CPU 1 while the server (`pid`) runs on CPU 0. */
export function measure(plan: Plan, pid: number | undefined): Result {
  const before = cpuMs(pid);
  const command = [process.execPath, self];
  const [file = 'node', ...args] = canPin ? ['taskset', '-c', '1', ...command] : command;
  const report = JSON.parse(
    execFileSync(file, args, {
      input: JSON.stringify(plan),
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  ) as Report;
  const total = Math.max(1, report.requests.total);
  return {
    rps: report.requests.average,
    p50: report.latency.p50,
    p99: report.latency.p99,
    cpuUs: ((cpuMs(pid) - before) * 1000) / total,
    errors: report.errors + report.timeouts + report.non2xx,
    bytesPerRequest: report.throughput.total / total,
  };
}

function run(plan: Plan): Promise<unknown> {
  const requests = plan.paths.map((path): Request => ({ path, method: 'GET' }));
  let client = 0;
  return autocannon({
    url: plan.origin,
    connections: plan.connections,
    duration: plan.seconds,
    headers: plan.headers ?? {},
    requests,
    // Spreads the connections over the list, so they do not ask for the same path in lockstep.
    setupClient(instance) {
      const offset = Math.floor((client++ * requests.length) / plan.connections);
      instance.setRequests([...requests.slice(offset), ...requests.slice(0, offset)]);
    },
  });
}

if (process.argv[1] === self) {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const report = await run(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Plan);
  process.stdout.write(JSON.stringify(report));
}
