/**
 * Two readings of robots.txt for the tests: RFC 9309's (Google's) longest match, written here
 * from the RFC, and Python's urllib.robotparser (first match), run as it ships with python3.
 */
import { spawnSync } from 'node:child_process';

interface Rule {
  allow: boolean;
  path: string;
}

/** The rules of the group for `*` (this site writes only that group). */
function starRules(robotsTxt: string): Rule[] {
  const rules: Rule[] = [];
  let inStarGroup = false;
  for (const raw of robotsTxt.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    const [key = '', ...rest] = line.split(':');
    const value = rest.join(':').trim();
    const field = key.trim().toLowerCase();
    if (field === 'user-agent') inStarGroup = value === '*';
    else if (inStarGroup && (field === 'allow' || field === 'disallow') && value)
      rules.push({ allow: field === 'allow', path: value });
  }
  return rules;
}

/**
 * RFC 9309 §2.2.2: the most specific (longest) matching rule wins; on a tie, Allow wins; no
 * matching rule allows. (`*` and `$` patterns are not used by this site and not handled.)
 */
export function allowedByLongestMatch(robotsTxt: string, path: string): boolean {
  const matching = starRules(robotsTxt).filter((rule) => path.startsWith(rule.path));
  matching.sort((a, b) => b.path.length - a.path.length || Number(b.allow) - Number(a.allow));
  return matching[0]?.allow ?? true;
}

const PYTHON = `
import json, sys, urllib.robotparser
data = json.load(sys.stdin)
parser = urllib.robotparser.RobotFileParser()
parser.parse(data["robots"].splitlines())
print(json.dumps([parser.can_fetch("*", data["origin"] + path) for path in data["paths"]]))
`;

/** Python's urllib.robotparser verdict on each path, for any user agent. */
export function allowedByPythonRobotParser(
  robotsTxt: string,
  origin: string,
  paths: readonly string[],
): boolean[] {
  const run = spawnSync('python3', ['-c', PYTHON], {
    input: JSON.stringify({ robots: robotsTxt, origin, paths }),
    encoding: 'utf8',
  });
  if (run.error || run.status !== 0)
    throw new Error(`python3 urllib.robotparser failed: ${run.error?.message ?? run.stderr}`);
  return JSON.parse(run.stdout) as boolean[];
}
