import type { RequestHandler } from 'express';

/**
 * 413 at once for a body whose declared `Content-Length` is over `maxBytes`, before a byte of it is read;
 * the connection is closed after the answer rather than drained. Bodies sent without a length are left to
 * the route's own streaming limit.
 */
export function refuseDeclaredTooLarge(maxBytes: number): RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (!(declared > maxBytes)) return next();
    res.setHeader('Connection', 'close');
    res
      .status(413)
      .json({ error: { code: 'PAYLOAD_TOO_LARGE', message: `the body is larger than ${maxBytes} bytes (UW_MAX_BODY_BYTES)` } });
  };
}
