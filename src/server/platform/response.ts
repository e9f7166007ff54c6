import type { ServerResponse } from 'node:http';

/** Ends a node:http response with a short plain-text answer that no cache keeps. */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res
    .writeHead(status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      ...headers,
    })
    .end(`${text}\n`);
}
