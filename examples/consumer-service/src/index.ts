/**
 * A service that talks to Universal Webhook with @uw/client: prints the latest webhooks, creates a flow,
 * then prints webhooks as they arrive (until Ctrl-C, or after `--follow N` of them).
 *
 *   UW_URL=https://uw.example.com UW_SERVICE_KEY=uwk_… npm start
 */
import { createClient, type TRouterOutputs } from '@uw/client';

import { TAG_NEW_CLIENTS } from './flow.js';

type TWebhook = TRouterOutputs['webhooks']['list']['items'][number];

const url = process.env.UW_URL ?? 'http://localhost:8001';
const token = process.env.UW_SERVICE_KEY;
if (!token) {
  console.error('Set UW_SERVICE_KEY to a service key (the app: Settings → Service keys; or keys.create).');
  process.exit(2);
}
const followIndex = process.argv.indexOf('--follow');
const followLimit = followIndex > 0 ? Number(process.argv[followIndex + 1]) : Infinity;

const uw = createClient({ url, token });
const describe = (w: Pick<TWebhook, 'receivedAt' | 'eventType' | 'outcome' | 'id'>) =>
  `${new Date(w.receivedAt).toISOString()}  ${w.eventType}  ${w.outcome}  ${w.id}`;

// 1. The ten latest webhooks of the key's workspace.
const { items } = await uw.webhooks.list.query({ limit: 10 });
console.log(`recent webhooks: ${items.length}`);
for (const webhook of items) console.log(`  ${describe(webhook)}`);

// 2. A flow (see flow.ts); the answer is the stored flow.
const flow = await uw.flows.create.mutate(TAG_NEW_CLIENTS);
console.log(`created flow ${flow.id} "${flow.name}" (enabled: ${flow.enabled})`);

// 3. Webhooks as they are committed, over server-sent events.
console.log('following live webhooks (Ctrl-C to stop)');
let seen = 0;
const subscription = uw.webhooks.live.subscribe(undefined, {
  onData(webhook) {
    console.log(`live: ${describe(webhook)}`);
    seen += 1;
    if (seen >= followLimit) subscription.unsubscribe();
  },
  onError(err) {
    console.error(`live stream stopped: ${err.message}`);
    process.exitCode = 1;
    subscription.unsubscribe();
  },
});
process.once('SIGINT', () => subscription.unsubscribe());
