import express, { type NextFunction, type Request, type Response } from 'express';

import { createPipeline } from './pipeline';
import type { TServerDeps } from './server-deps';

/** The Express app acting as Clockify; never listens itself (startSimulator does). */
export function createApp(deps: TServerDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(express.json({ limit: '5mb' }));
  const pipeline = createPipeline(deps);
  app.use((req, res, next) => {
    pipeline(req, res).catch(next);
  });
  // eslint-disable-next-line @typescript-eslint/max-params -- Express tells an error handler by its four parameters
  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (err.type === 'entity.parse.failed') {
      res.status(400).json({ message: 'Malformed JSON request', code: 400 });

      return;
    }
    deps.notices.push(`unhandled error: ${err.stack ?? err.message}`);
    res.status(err.status ?? 500).json({ message: err.message, code: err.status ?? 500 });
  });

  return app;
}
