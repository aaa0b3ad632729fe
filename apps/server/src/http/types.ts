export type TIngestResponseLike = { status: number; body: unknown; headers?: Record<string, string>; unverified?: boolean };
