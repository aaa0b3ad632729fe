export type TInboundRequest = {
  rawBody: Buffer | undefined;
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
};

export type TIngestResponse = {
  status: number;
  body: { id?: string; outcome: string; flows?: number; error?: { code: string; message: string } };
  headers?: Record<string, string>;
  /** Refused before any workspace was verified: nothing was stored (see `refuseUnverified`). */
  unverified?: boolean;
};

export const header = (req: TInboundRequest, name: string): string | undefined => {
  const v = req.headers[name.toLowerCase()];

  return Array.isArray(v) ? v[0] : v;
};

export function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const type = value.split(';')[0]!.trim().toLowerCase();

  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}
