/**
 * New articles: when a server starts on a build, the articles it publishes that no server has
 * announced yet are announced once. The insert into mail_announced decides which server
 * announces which article (the one whose insert succeeds), so several servers and restarts
 * announce each article once. The first build a database ever sees is its baseline: those
 * articles are marked announced and nobody is mailed.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../platform/db/database.ts';
import { claimRun, insertEvents, markAnnounced } from './event.repository.ts';
import { fanOut } from './outbox.repository.ts';
import { wakeSender } from './sender-wake.ts';

/** A published article as the build lists it. */
export interface PublishedArticle {
  id: string;
  title: string;
  description: string;
  categories: string[];
}

/** What a mail says about an article. */
export interface ArticleFacts {
  title: string;
  description: string;
}

/** What an announcement run did. */
export interface AnnounceSummary {
  /** Articles marked announced without mail (a fresh database). */
  baseline: number;
  /** Articles announced now. */
  announced: string[];
  /** Mails queued for subscribers as they happen. */
  queued: number;
}

/** Announces the build's articles that were never announced, in one transaction. */
export async function announceArticles(
  db: Db,
  articles: readonly PublishedArticle[],
  now = new Date(),
): Promise<AnnounceSummary> {
  const at = now.toISOString();
  const ids = articles.map((article) => article.id);
  return db.transaction().execute(async (trx): Promise<AnnounceSummary> => {
    if (await claimRun(trx, 'articles-baseline', at)) {
      const baseline = await markAnnounced(trx, ids, at, false);
      return { baseline: baseline.length, announced: [], queued: 0 };
    }
    const fresh = new Set(await markAnnounced(trx, ids, at, true));
    const announced = articles.filter((article) => fresh.has(article.id) && article.categories.length > 0);
    if (announced.length === 0) return { baseline: 0, announced: [...fresh], queued: 0 };
    const batchId = `articles-${randomUUID()}`;
    await insertEvents(
      trx,
      announced.map((article) => ({
        id: `${batchId}.${article.id}`,
        batch_id: batchId,
        kind: 'article' as const,
        ref_id: article.id,
        payload: JSON.stringify({
          title: article.title,
          description: article.description,
        } satisfies ArticleFacts),
        categories: article.categories.join(','),
        created_at: at,
      })),
    );
    const queued = await fanOut(trx, {
      batchId,
      kind: 'articles',
      categories: [...new Set(announced.flatMap((article) => article.categories))],
      wants: 'articles',
      frequency: 'instant',
      payload: '{}',
      now: at,
    });
    if (queued > 0) wakeSender();
    return { baseline: 0, announced: announced.map((article) => article.id), queued };
  });
}
