/**
 * Writing a file only where asked. A repository can carry a symbolic link named like the file a
 * command writes (r.jsgk next to r.jsgk.yaml, jsgk-kemu.csv): writing through it would change or
 * create a file anywhere the link points. So:
 * - a path that is a symbolic link (pointing anywhere, or nowhere) is refused with a message;
 * - a new file is created with O_CREAT|O_EXCL, which fails rather than follow a link made meanwhile;
 * - an existing file is replaced (overwrite: true) by writing a new file next to it (O_EXCL) and
 *   renaming it over the old one: rename replaces the name itself, never a link's target, and a
 *   reader never sees half a file. The old file's permissions are kept.
 * Only the last part of the path is checked: linked folders above it are the user's own layout.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as l10n from '../l10n';
import { fileKindText } from './read';

export type WriteRefusal = 'symlink' | 'exists' | 'not-regular' | 'error';

export type TargetState = { ok: true; exists: boolean } | { ok: false; reason: WriteRefusal; message: string };
export type WriteResult = { ok: true } | { ok: false; reason: WriteRefusal; message: string };

/** Whether `file` may be written: absent, or a regular file (not a link, a folder, a FIFO…). */
export function inspectTarget(file: string): TargetState {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, exists: false };
    return { ok: false, reason: 'error', message: l10n.t('无法写入“{0}”：{1}', file, (e as NodeJS.ErrnoException).code ?? String(e)) };
  }
  if (st.isSymbolicLink()) {
    let target = '?';
    try {
      target = fs.readlinkSync(file);
    } catch { /* the message says '?' */ }
    return { ok: false, reason: 'symlink', message: l10n.t('“{0}”是一个符号链接（指向 {1}）：为安全起见不通过链接写入。请删除这个链接，或另选要写入的文件', file, target) };
  }
  if (!st.isFile()) return { ok: false, reason: 'not-regular', message: l10n.t('“{0}”已存在，但不是普通文件，而是{1}：没有写入', file, fileKindText(st)) };
  return { ok: true, exists: true };
}

function writeAll(fd: number, data: Uint8Array): void {
  let off = 0;
  while (off < data.length) off += fs.writeSync(fd, data, off, data.length - off);
}

/**
 * Writes text (UTF-8) or bytes to `file`. Without `overwrite`, an existing file is refused
 * (reason 'exists'); a symbolic link is always refused (reason 'symlink'). Never throws.
 */
export function writeFileSafely(file: string, data: string | Uint8Array, opts: { overwrite?: boolean } = {}): WriteResult {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const t = inspectTarget(file);
  if (!t.ok) return t;
  if (t.exists && !opts.overwrite) return { ok: false, reason: 'exists', message: l10n.t('“{0}”已存在：没有覆盖', file) };
  const failed = (e: unknown): WriteResult => {
    const again = inspectTarget(file); // a link or a file made while we wrote
    if (!again.ok) return again;
    return { ok: false, reason: 'error', message: l10n.t('无法写入“{0}”：{1}', file, (e as NodeJS.ErrnoException).code ?? String(e)) };
  };
  if (!t.exists) {
    let fd: number;
    try {
      fd = fs.openSync(file, 'wx', 0o666);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
        const again = inspectTarget(file);
        if (!again.ok) return again;
        if (!opts.overwrite) return { ok: false, reason: 'exists', message: l10n.t('“{0}”已存在：没有覆盖', file) };
        return writeFileSafely(file, bytes, opts);
      }
      return failed(e);
    }
    try {
      writeAll(fd, bytes);
      fs.closeSync(fd);
    } catch (e) {
      try { fs.closeSync(fd); } catch { /* already closed */ }
      try { fs.unlinkSync(file); } catch { /* leave it */ }
      return failed(e);
    }
    return { ok: true };
  }
  // replace: a new file beside the old one, renamed over it
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  let mode = 0o644;
  try {
    mode = fs.statSync(file).mode & 0o777;
  } catch { /* default */ }
  let fd: number;
  try {
    fd = fs.openSync(tmp, 'wx', mode);
  } catch (e) {
    return failed(e);
  }
  try {
    writeAll(fd, bytes);
    fs.closeSync(fd);
    fd = -1;
    fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, file);
  } catch (e) {
    if (fd >= 0) try { fs.closeSync(fd); } catch { /* ignore */ }
    try { fs.unlinkSync(tmp); } catch { /* ignore */ }
    return failed(e);
  }
  return { ok: true };
}
