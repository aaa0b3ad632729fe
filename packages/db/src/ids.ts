import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/** Random bytes drawn from a pool refilled 4 KiB at a time: one system call per ~400 ids, not one each. */
const POOL_SIZE = 4_096;
let pool = randomBytes(POOL_SIZE);
let offset = 0;

function takeRandom(n: number): Buffer {
  if (offset + n > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  const out = pool.subarray(offset, offset + n);
  offset += n;

  return out;
}

/**
 * A time-ordered UUID (version 7 layout): ids sort by creation time, which keeps the
 * primary-key index append-only and lets cursors page by id alone.
 */
export function newId(at = Date.now()): string {
  let now = at;
  // Within the same millisecond (or a clock a little behind the last id) a counter keeps the order; when
  // it runs out the millisecond moves on, so a burst never breaks it. Explicit old times are kept as given.
  if (now <= lastMs && lastMs - now < 1_000) {
    now = lastMs;
    counter++;
    if (counter > 0xfff) {
      now = lastMs = lastMs + 1;
      counter = 0;
    }
  } else {
    if (now > lastMs) lastMs = now;
    counter = takeRandom(2).readUInt16BE() & 0x7ff;
  }
  const bytes = Buffer.allocUnsafe(16);
  bytes.writeUIntBE(now, 0, 6);
  takeRandom(8).copy(bytes, 8);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');

  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
