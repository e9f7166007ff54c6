import type { CommentsConfig } from './comment.config.ts';
import type { CleanComment } from './comment.validation.ts';

/** Facts about how the comment arrived, gathered by the service. */
export interface SubmissionFacts {
  /** The hidden honeypot field had a value. */
  honeypotFilled: boolean;
  /** Milliseconds between the form being rendered and posted. */
  elapsedMs: number;
  /** The form was rendered longer ago than the configured maximum age. */
  formExpired: boolean;
  /** The same text was posted on the same article within a day. */
  duplicate: boolean;
}

/** The rules' verdict: `spam` goes to the spam folder, `hold` may never be auto-approved. */
export interface SpamVerdict {
  verdict: 'spam' | 'hold' | 'clean';
  /** Human-readable reasons, shown to moderators. */
  signals: string[];
}

const LINK = /\bhttps?:\/\/|\bwww\./giu;

/** Counts the links a reader wrote, whether or not they carry a scheme. */
export function countLinks(text: string): number {
  return text.match(LINK)?.length ?? 0;
}

function blockedEmail(email: string, blocked: string[]): string | undefined {
  return blocked.find((entry) => (entry.startsWith('@') ? email.endsWith(entry) : email === entry));
}

/** Applies every spam rule; each rule that trips adds a signal. */
export function evaluateSpam(
  comment: CleanComment,
  facts: SubmissionFacts,
  config: CommentsConfig,
): SpamVerdict {
  const spam: string[] = [];
  const hold: string[] = [];
  if (facts.honeypotFilled) spam.push('filled the hidden honeypot field');
  if (facts.elapsedMs < config.minSeconds * 1000)
    spam.push(`posted ${(facts.elapsedMs / 1000).toFixed(1)} s after the form was shown`);
  if (facts.duplicate) spam.push('same text already posted on this article within a day');
  const haystack = `${comment.name}\n${comment.body}\n${comment.website ?? ''}`.toLowerCase();
  const word = config.blockedWords.find((w) => haystack.includes(w));
  if (word) spam.push(`contains the blocked word "${word}"`);
  const email = blockedEmail(comment.email, config.blockedEmails);
  if (email) spam.push(`email matches the blocked entry "${email}"`);
  const links = countLinks(comment.body);
  if (links >= config.holdAtLinks) hold.push(`${links} links`);
  if (facts.formExpired) hold.push(`form was shown more than ${config.formMaxAgeHours} hours before posting`);
  if (spam.length > 0) return { verdict: 'spam', signals: [...spam, ...hold] };
  return hold.length > 0 ? { verdict: 'hold', signals: hold } : { verdict: 'clean', signals: [] };
}
