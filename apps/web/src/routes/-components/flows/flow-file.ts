/** `Tag entries (v2)` → `tag-entries-v2.uw-flow.json`. */
export function flowFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);

  return `${slug || 'flow'}.uw-flow.json`;
}

/** Saves `data` as a pretty-printed JSON file through the browser's download. */
export function downloadJson(fileName: string, data: unknown): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** The parsed contents of an uploaded file, or why it is not JSON. */
export async function readJsonFile(file: File): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  if (file.size > 2_000_000) return { ok: false, message: `${file.name} is larger than 2 MB: not a flow export` };
  try {
    return { ok: true, value: JSON.parse(await file.text()) as unknown };
  } catch (err) {
    return { ok: false, message: `${file.name} is not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
}
