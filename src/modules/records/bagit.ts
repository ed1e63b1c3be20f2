import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';

/**
 * A BagIt bag (RFC 8493) for the record office: `data/` with the payload, `manifest-sha256.txt` with a digest of
 * every payload file, `bagit.txt` and `bag-info.txt`, and a tag manifest over those. Written into a temporary folder
 * and renamed into place, so a bag that exists is complete.
 */
export function writeBag(
  target: string,
  files: readonly { name: string; content: Buffer }[],
  info: Record<string, string>,
): { files: number; bytes: number } {
  const temporary = `${target}.partial`;
  fs.rmSync(temporary, { recursive: true, force: true });
  fs.mkdirSync(path.join(temporary, 'data'), { recursive: true, mode: 0o700 });
  const manifest: string[] = [];
  let bytes = 0;
  for (const file of files) {
    const name = safeName(file.name);
    const full = path.join(temporary, 'data', name);
    fs.mkdirSync(path.dirname(full), { recursive: true, mode: 0o700 });
    fs.writeFileSync(full, file.content, { mode: 0o600 });
    manifest.push(`${sha256(file.content)}  data/${name}`);
    bytes += file.content.length;
  }
  const tags: Record<string, string> = {
    'bagit.txt': 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n',
    'bag-info.txt': Object.entries({ ...info, 'Payload-Oxum': `${bytes}.${files.length}` })
      .map(([k, v]) => `${k}: ${v.replace(/\s+/g, ' ')}`)
      .join('\n')
      .concat('\n'),
    'manifest-sha256.txt': manifest.join('\n').concat(manifest.length ? '\n' : ''),
  };
  for (const [name, text] of Object.entries(tags))
    fs.writeFileSync(path.join(temporary, name), text, { mode: 0o600 });
  const tagManifest = Object.entries(tags).map(([name, text]) => `${sha256(Buffer.from(text))}  ${name}`);
  fs.writeFileSync(path.join(temporary, 'tagmanifest-sha256.txt'), `${tagManifest.join('\n')}\n`, {
    mode: 0o600,
  });
  fs.rmSync(target, { recursive: true, force: true });
  fs.renameSync(temporary, target);
  return { files: files.length, bytes };
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** A payload path that stays inside data/: no "..", no absolute path, no characters filesystems refuse. */
function safeName(name: string): string {
  const parts = name
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p && p !== '.' && p !== '..')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .map((p) => p.replace(/[\u0000-\u001f<>:"|?*]/g, '_'));
  return parts.join('/') || 'unnamed';
}

/**
 * The transfer list that goes to the record office with a list's bags: one row a record — its bag, reference, class,
 * dates — as CSV beside the bags. Rewritten whole, so writing it again after a crash gives the same file.
 */
export function writeTransferList(
  folder: string,
  classCode: string,
  rows: readonly { bag: string; reference: string; triggerOn: string; until: string | null; files: number }[],
): string {
  const file = path.join(folder, 'transfer-list.csv');
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  fs.writeFileSync(
    file,
    `\uFEFF${stringify(
      [
        ['bag', 'reference', 'class', 'date the retention ran from', 'kept until', 'files'],
        ...rows.map((r) => [r.bag, r.reference, classCode, r.triggerOn, r.until ?? '', r.files]),
      ],
      { escape_formulas: true },
    )}`,
    { mode: 0o600 },
  );
  return file;
}

/** How many payload files a written bag holds, from its manifest. */
export function bagFiles(bag: string): number {
  const manifest = fs.readFileSync(path.join(bag, 'manifest-sha256.txt'), 'utf8');
  return manifest.split('\n').filter(Boolean).length;
}
