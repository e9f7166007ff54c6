import type { AstroCookies } from 'astro';
import { postComment } from './comment-post.ts';
import { type CommentView, loadCommentView } from './comment-view.ts';

/** What the comments page hands over from its request. */
export interface CommentsPageRequest {
  request: Request;
  url: URL;
  cookies: AstroCookies;
  clientAddress: string | undefined;
  /** The page's response, for the status and headers of a refused post. */
  response: { status?: number; statusText?: string; headers: Headers };
}

const STATUS_TEXT: Record<number, string> = {
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/**
 * The on-demand comments page (`/blog/<slug>/comments/`): shows the view, and takes the
 * form's POST. Returns a Response to send as is (redirect, JSON, 405) or the view to render,
 * with the response's status set for a refused post.
 */
export async function handleCommentsPage(
  articleId: string,
  { request, url, cookies, clientAddress, response }: CommentsPageRequest,
): Promise<Response | CommentView> {
  response.headers.set('Cache-Control', 'private, no-store');
  if (request.method === 'POST') {
    const failed = await postComment({ request, cookies, clientAddress, articleId });
    if (failed instanceof Response) return failed;
    response.status = failed.status;
    response.statusText = STATUS_TEXT[failed.status] ?? '';
    for (const [name, value] of Object.entries(failed.headers)) response.headers.set(name, value);
    return loadCommentView({ articleId, cookies, failed });
  }
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD, POST' } });
  return loadCommentView({ articleId, cookies, replyToId: url.searchParams.get('replyTo') });
}
