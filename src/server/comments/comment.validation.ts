/** The fields a reader fills in, in form order. */
export const COMMENT_FIELDS = ['comment', 'name', 'email', 'website'] as const;
/** One of the reader's fields. */
export type CommentField = (typeof COMMENT_FIELDS)[number];
/** What the reader typed, kept verbatim (made well-formed) so a failed post can be shown again. */
export type CommentFormValues = Record<CommentField, string> & { parentId: string; notifyReplies?: string };
/** Error message per field; a field without an entry is fine. */
export type CommentErrors = Partial<Record<CommentField, string>>;
/** A comment that passed validation, normalised for storage. */
export interface CleanComment {
  body: string;
  name: string;
  email: string;
  website: string | null;
  parentId: string | null;
}

/** Limits the issue fixes, in Unicode code points. */
export const LIMITS = {
  commentMin: 2,
  commentMax: 5000,
  nameMax: 100,
  emailMax: 254,
  websiteMax: 2000,
} as const;

// C0/C1 controls except tab and newline; NUL in particular is rejected by Postgres text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;
// Direction overrides let a name display as something else; they have no place in one line.
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F]/gu;
const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"_]+\.[^\s@<>()[\]\\,;:"_.]{2,}$/u;

/** Makes text safe to store: well-formed UTF-16, NFC, Unix newlines, no control characters. */
export function cleanText(value: string): string {
  return value.toWellFormed().normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROLS, '');
}

function length(value: string): number {
  return [...value].length;
}

/** Reads the form's text fields; a file or a missing field reads as empty. */
export function readFormValues(form: FormData): CommentFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.toWellFormed() : '';
  };
  return {
    comment: text('comment'),
    name: text('name'),
    email: text('email'),
    website: text('website'),
    parentId: text('parent'),
    notifyReplies: text('notify_replies'),
  };
}

/** Checks every field and reports each problem by field, or returns the normalised comment. */
export function validateComment(
  values: CommentFormValues,
): { ok: true; value: CleanComment } | { ok: false; errors: CommentErrors } {
  const errors: CommentErrors = {};
  const body = cleanText(values.comment)
    .trim()
    .replace(/\n{3,}/g, '\n\n');
  if (length(body) < LIMITS.commentMin) errors.comment = 'Comment: write at least 2 characters.';
  else if (length(body) > LIMITS.commentMax)
    errors.comment = `Comment: keep it to ${LIMITS.commentMax.toLocaleString('en')} characters (it has ${length(body).toLocaleString('en')}).`;

  const name = cleanText(values.name).replace(BIDI, '').replace(/\s+/g, ' ').trim();
  if (!name) errors.name = 'Name: enter the name to show with your comment.';
  else if (length(name) > LIMITS.nameMax) errors.name = `Name: keep it to ${LIMITS.nameMax} characters.`;

  const email = cleanText(values.email).trim().toLowerCase();
  if (!email) errors.email = 'Email: enter your email address (it is never published).';
  else if (email.length > LIMITS.emailMax || !EMAIL.test(email))
    errors.email = 'Email: enter an address like name@example.com.';

  const rawWebsite = cleanText(values.website).trim();
  let website: string | null = null;
  if (rawWebsite) {
    website = normaliseWebsite(rawWebsite);
    if (!website)
      errors.website = 'Website: enter a full address starting with https:// or http://, or leave it empty.';
  }

  const parentId = /^[0-9a-f-]{36}$/.test(values.parentId) ? values.parentId : null;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { body, name, email, website, parentId } };
}

function normaliseWebsite(value: string): string | null {
  if (length(value) > LIMITS.websiteMax || !/^https?:\/\//i.test(value)) return null;
  try {
    const url = new URL(value);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname.includes('.')) return null;
    if (url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}
