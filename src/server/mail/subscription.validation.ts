import type { Frequency } from './mail.table.ts';

/** What the reader asked for on the subscription form, kept verbatim to show again. */
export interface SubscribeFormValues {
  email: string;
  categories: string[];
  /** articles, roles or both. */
  kinds: string;
  frequency: string;
}

/** The form's fields that can be wrong. */
export type SubscribeField = 'email' | 'categories' | 'kinds' | 'frequency';
/** Error message per field. */
export type SubscribeErrors = Partial<Record<SubscribeField, string>>;

/** What a subscription receives. */
export interface SubscriptionChoice {
  categories: string[];
  articles: boolean;
  roles: boolean;
  frequency: Frequency;
}

/** The choices of "what to receive", in form order, with their labels. */
export const KIND_CHOICES = [
  { value: 'both', label: 'New articles and new roles' },
  { value: 'articles', label: 'New articles' },
  { value: 'roles', label: 'New roles' },
] as const;

/** The choices of "how often", in form order, with their labels. */
export const FREQUENCY_CHOICES: readonly { value: Frequency; label: string }[] = [
  { value: 'instant', label: 'As they happen' },
  { value: 'daily', label: 'Daily digest' },
  { value: 'weekly', label: 'Weekly digest' },
];

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"_]+\.[^\s@<>()[\]\\,;:"_.]{2,}$/u;

/** Normalises an address for storage and lookups; undefined when it is not an address. */
export function normaliseEmail(value: string): string | undefined {
  const email = value.normalize('NFC').trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : undefined;
}

/** Reads the form's fields; a missing field reads as empty, a file as nothing. */
export function readSubscribeForm(form: FormData): SubscribeFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.toWellFormed().slice(0, 500) : '';
  };
  const categories = form
    .getAll('category')
    .filter((value): value is string => typeof value === 'string')
    .slice(0, 50);
  return { email: text('email'), categories, kinds: text('kinds'), frequency: text('frequency') };
}

/** Checks the form against the site's categories; reports each problem by field. */
export function validateSubscription(
  values: SubscribeFormValues,
  knownCategories: ReadonlySet<string>,
): { ok: true; email: string; choice: SubscriptionChoice } | { ok: false; errors: SubscribeErrors } {
  const errors: SubscribeErrors = {};
  const email = normaliseEmail(values.email);
  if (!values.email.trim()) errors.email = 'Email: enter the address to send the mails to.';
  else if (!email) errors.email = 'Email: enter an address like name@example.com.';
  const categories = [...new Set(values.categories)].filter((id) => knownCategories.has(id));
  if (categories.length === 0) errors.categories = 'Categories: tick at least one category.';
  const kinds = KIND_CHOICES.find((choice) => choice.value === values.kinds)?.value;
  if (!kinds) errors.kinds = 'What to receive: choose new articles, new roles, or both.';
  const frequency = FREQUENCY_CHOICES.find((choice) => choice.value === values.frequency)?.value;
  if (!frequency) errors.frequency = 'How often: choose as they happen, daily or weekly.';
  if (!email || !kinds || !frequency || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    email,
    choice: {
      categories: categories.sort(),
      articles: kinds !== 'roles',
      roles: kinds !== 'articles',
      frequency,
    },
  };
}

/** The form value of "what to receive" for a stored choice. */
export function kindsValue(choice: Pick<SubscriptionChoice, 'articles' | 'roles'>): string {
  if (choice.articles && choice.roles) return 'both';
  return choice.articles ? 'articles' : 'roles';
}
