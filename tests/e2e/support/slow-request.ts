import { connect } from 'node:net';
import { COMMENTS_PAGE } from './comments.ts';

/** A request whose body is held back, so it is still in flight when the server is told to stop. */
export interface SlowRequest {
  /** Resolves once the server has read the request's head (it answered 100 Continue). */
  headRead: Promise<void>;
  /** Sends the body. */
  finish(): void;
  /** The final status line (after 100 Continue), once the server has answered. */
  status: Promise<string>;
}

/**
 * Sends the head of a comment POST to 127.0.0.1:`port` with `Expect: 100-continue`, and its
 * body when `finish` is called. Node's server answers 100 Continue once it has read the head,
 * so a test knows the request is in the server's hands without waiting on a clock; the
 * comment route reads the whole body before it answers.
 */
export function startSlowRequest(port: number, body = 'comment=hello'): SlowRequest {
  const socket = connect(port, '127.0.0.1');
  const origin = `http://127.0.0.1:${port}`;
  socket.write(
    [
      `POST ${COMMENTS_PAGE} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      `Origin: ${origin}`,
      'Content-Type: application/x-www-form-urlencoded',
      'Expect: 100-continue',
      `Content-Length: ${Buffer.byteLength(body)}`,
      '',
      '',
    ].join('\r\n'),
  );
  let data = '';
  let headRead: () => void = () => {};
  const head = new Promise<void>((resolve) => {
    headRead = resolve;
  });
  const status = new Promise<string>((resolve, reject) => {
    const finalStatus = () =>
      data.match(/^HTTP\/1\.1 \d{3}[^\r]*/gm)?.filter((line) => !line.includes(' 100 '))[0];
    socket.on('data', (chunk) => {
      data += chunk.toString();
      if (data.includes(' 100 Continue')) headRead();
      const line = finalStatus();
      if (line) resolve(line);
    });
    socket.on('close', () => resolve(finalStatus() ?? `connection closed without an answer: ${data}`));
    socket.on('error', reject);
  });
  return { headRead: head, finish: () => socket.end(body), status };
}
