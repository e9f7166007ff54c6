/**
 * What a server process keeps alive, read through its inspector (started with
 * `--inspect=127.0.0.1:<port>`): a full garbage collection, then `process.memoryUsage()`.
 * Resident memory also counts the heap V8 grew while it rendered and has not given back; this
 * is the part the server actually holds.
 */

/** Live memory after a full collection, in MB. */
export interface RetainedMemory {
  /** JavaScript objects. */
  heapMb: number;
  /** Buffers outside the JavaScript heap (cached responses among them). */
  buffersMb: number;
}

/** Collects garbage in the process whose inspector listens on `port` and reads its live memory. */
export async function retainedMemory(port: number): Promise<RetainedMemory> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{
    webSocketDebuggerUrl: string;
  }>;
  const socket = new WebSocket(targets[0]?.webSocketDebuggerUrl ?? '');
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve);
    socket.addEventListener('error', reject);
  });
  let id = 0;
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<{ result?: { value?: string } }>((resolve) => {
      const callId = ++id;
      const onMessage = (event: MessageEvent) => {
        const message = JSON.parse(String(event.data)) as {
          id?: number;
          result?: { result?: { value?: string } };
        };
        if (message.id !== callId) return;
        socket.removeEventListener('message', onMessage);
        resolve(message.result ?? {});
      };
      socket.addEventListener('message', onMessage);
      socket.send(JSON.stringify({ id: callId, method, params }));
    });
  try {
    await call('HeapProfiler.collectGarbage');
    const { result } = await call('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    });
    const usage = JSON.parse(result?.value ?? '{}') as { heapUsed: number; arrayBuffers: number };
    return { heapMb: usage.heapUsed / 2 ** 20, buffersMb: usage.arrayBuffers / 2 ** 20 };
  } finally {
    socket.close();
  }
}
