import { SITE } from '../../site.config.ts';
import { type Config, getConfig } from '../platform/config/config.ts';
import { WEEKDAYS } from '../platform/config/schema.ts';

/** The mail settings (docs/configuration.md lists each variable). */
export interface MailConfig {
  /** The public origin every link in a mail starts with (SITE_URL), without a trailing slash. */
  siteUrl: string;
  /** SMTP_URL; undefined keeps mails in the database for the admin's Outbox page. */
  smtpUrl: string | undefined;
  /** MAIL_FROM, or the site's no-reply address. */
  from: string;
  /** The host part of Message-IDs. */
  messageIdDomain: string;
  /** MODERATOR_EMAIL. */
  moderators: string[];
  /** MODERATION_NOTIFY_MINUTES in milliseconds. */
  moderationIntervalMs: number;
  /** MAIL_DIGEST_HOUR (UTC). */
  digestHour: number;
  /** MAIL_DIGEST_WEEKDAY as 0 (Sunday) to 6. */
  digestWeekday: number;
  /** MAIL_SEND_INTERVAL in milliseconds. */
  sendIntervalMs: number;
}

/** The mail settings from the checked configuration. */
export function readMailConfig(config: Config = getConfig()): MailConfig {
  const site = new URL(config.SITE_URL);
  return {
    siteUrl: site.origin,
    smtpUrl: config.SMTP_URL,
    from: config.MAIL_FROM ?? `${SITE.name} <no-reply@${site.hostname}>`,
    messageIdDomain: site.hostname,
    moderators: config.MODERATOR_EMAIL ?? [],
    moderationIntervalMs: config.MODERATION_NOTIFY_MINUTES * 60_000,
    digestHour: config.MAIL_DIGEST_HOUR,
    digestWeekday: WEEKDAYS.indexOf(config.MAIL_DIGEST_WEEKDAY),
    sendIntervalMs: config.MAIL_SEND_INTERVAL * 1000,
  };
}
