/** One thing wrong in one file, said so an editor can fix it without asking a developer. */
export interface Problem {
  /** Path of the file, relative to the project (or as given). */
  file: string;
  /** 1-based line the problem is on; 1 when it concerns the whole file. */
  line: number;
  /** The frontmatter field, or the kind of body element (link, image, Figure, Callout). */
  field: string;
  /** What is wrong and how to fix it. */
  message: string;
}

/** `file:line field: message`, the one format of the check and the build. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line} ${problem.field}: ${problem.message}`;
}

/** Problems sorted by file then line, so the report reads top to bottom. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** The report printed by the check and thrown by the build; empty when nothing is wrong. */
export function formatReport(problems: Problem[]): string {
  if (problems.length === 0) return '';
  const files = new Set(problems.map((p) => p.file)).size;
  const lines = sortProblems(problems).map(formatProblem);
  const noun = problems.length === 1 ? 'problem' : 'problems';
  return `${lines.join('\n')}\n\n${problems.length} content ${noun} in ${files} file${files === 1 ? '' : 's'}.`;
}
