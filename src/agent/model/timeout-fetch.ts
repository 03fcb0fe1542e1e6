/** A fetch for model endpoints that gives up when the endpoint is silent too long: no response, or a stream that stalls. */

/**
 * Wraps `baseFetch` so that a request fails with a `TimeoutError` when no response arrives within
 * `timeoutMs`, or when the body sends nothing for `timeoutMs` while it is being read. The clock runs
 * only while the caller waits, so slow tool work between reads never counts; a long answer that
 * keeps streaming never times out. The AI SDK does not retry a `TimeoutError` and reports it as an
 * `error` stream part.
 */
export function createTimeoutFetch(timeoutMs: number, baseFetch: typeof fetch = globalThis.fetch): typeof fetch {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return async (input, init) => {
    const controller = new AbortController();
    const signal = init?.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
    const expire = (what: string) => () => controller.abort(new DOMException(`the model endpoint sent ${what} for ${seconds} s`, 'TimeoutError'));
    let timer = setTimeout(expire('no response'), timeoutMs);
    let response: Response;
    try {
      response = await baseFetch(input, { ...init, signal });
    } finally {
      clearTimeout(timer);
    }
    if (!response.body) return response;
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(streamController) {
        timer = setTimeout(expire('nothing more'), timeoutMs);
        try {
          const { done, value } = await reader.read();
          if (done) streamController.close();
          else streamController.enqueue(value);
        } finally {
          clearTimeout(timer);
        }
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
