import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type TCallFrame = { functionName: string; url: string; lineNumber: number };
type TProfile = { nodes: { id: number; callFrame: TCallFrame }[]; samples: number[]; timeDeltas: number[] };

export type TFrame = { frame: string; selfMs: number; share: number };

/** Where the time went: a `.cpuprofile` written by `node --cpu-prof`, as the `limit` frames with the most self time. */
export function topSelfFrames(file: string, limit = 12): TFrame[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as TProfile;
  const frameOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    total += us;
    const f = frameOf.get(id);
    if (!f || f.functionName === '(idle)') return;
    const key = `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + us);
  });
  const idle = profile.samples.reduce((n, id, i) => n + (frameOf.get(id)?.functionName === '(idle)' ? (profile.timeDeltas[i] ?? 0) : 0), 0);
  const busy = Math.max(1, total - idle);

  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([frame, us]) => ({ frame, selfMs: Math.round(us / 1000), share: Math.round((1000 * us) / busy) / 10 }));
}

/** node_modules/<package>/… or the repository-relative path; native frames have none. */
function shortUrl(url: string): string {
  if (!url) return '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length);
  const at = url.search(/\/(apps|packages)\//);

  return at >= 0 ? url.slice(at + 1) : url.replace(/^file:\/\//, '');
}

/** The profiles a process wrote into `dir` (node names them CPU.<date>.<pid>.…cpuprofile). */
export function profilesOf(dir: string, pid: number): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile') && f.includes(`.${pid}.`))
    .map((f) => join(dir, f));
}

export function formatFrames(title: string, frames: TFrame[]): string {
  return [
    `${title} (share of busy CPU, self time):`,
    ...frames.map((f) => `  ${String(f.share).padStart(5)}%  ${String(f.selfMs).padStart(6)} ms  ${f.frame}`),
  ].join('\n');
}
