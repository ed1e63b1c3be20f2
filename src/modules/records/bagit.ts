import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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
