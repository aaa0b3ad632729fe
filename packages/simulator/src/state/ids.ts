import type { TRng } from './rng';

/** 24-hex ids shaped like Clockify's (MongoDB ObjectId: 4-byte time, 5 random bytes, 3-byte counter). */
export type TIdFactory = () => string;

const BASE_SECONDS = Math.floor(Date.UTC(2024, 0, 1) / 1000);

export function createIdFactory(rng: TRng): TIdFactory {
  const machine = Array.from({ length: 5 }, () => rng.int(0, 255).toString(16).padStart(2, '0')).join('');
  let counter = rng.int(0, 0xffff);

  return () => {
    counter += 1;
    const time = (BASE_SECONDS + counter * 7).toString(16).padStart(8, '0');

    return `${time}${machine}${(counter & 0xffffff).toString(16).padStart(6, '0')}`;
  };
}

export const isObjectId = (s: unknown): s is string => typeof s === 'string' && /^[0-9a-f]{24}$/.test(s);
