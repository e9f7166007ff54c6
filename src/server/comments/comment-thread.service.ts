import type { Db } from '../platform/db/database.ts';
import { listApprovedComments, type PublicCommentRow } from './comment.repository.ts';

/** An approved comment as readers see it: no email, no address hash. */
export interface PublicComment {
  id: string;
  name: string;
  website: string | null;
  body: string;
  createdAt: Date;
  replies: PublicComment[];
}

/** The article's approved comments as a tree, and how many there are. */
export interface CommentThread {
  count: number;
  comments: PublicComment[];
}

/**
 * Builds the reply tree from rows sorted oldest first. A reply whose parent is no longer
 * public is shown at the top level rather than hidden.
 */
export function buildThread(rows: PublicCommentRow[]): CommentThread {
  const byId = new Map<string, PublicComment>();
  const roots: PublicComment[] = [];
  for (const row of rows) {
    byId.set(row.id, {
      id: row.id,
      name: row.author_name,
      website: row.author_website,
      body: row.body,
      createdAt: new Date(row.created_at),
      replies: [],
    });
  }
  for (const row of rows) {
    const node = byId.get(row.id) as PublicComment;
    const parent = row.parent_id ? byId.get(row.parent_id) : undefined;
    (parent ? parent.replies : roots).push(node);
  }
  return { count: rows.length, comments: roots };
}

/** Loads an article's approved comments as a thread. */
export async function getCommentThread(db: Db, articleId: string): Promise<CommentThread> {
  return buildThread(await listApprovedComments(db, articleId));
}
