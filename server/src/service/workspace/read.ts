/**
 * Reading a file of the workspace safely: only a regular file is opened (a FIFO, /dev/zero or a
 * socket is refused before open(), and the file is opened with O_NONBLOCK and checked again with
 * fstat, so that a file swapped for a FIFO cannot block); at most `maxBytes` are read (a file that
 * grows while it is read is cut off and refused, never read without bound).
 *
 * Text is decoded as UTF-8 (a BOM is dropped) or, with a BOM, UTF-16 LE/BE; anything else gets a
 * message that names what it probably is (GBK/GB18030, UTF-16 without BOM, UTF-32, binary).
 *
 * Line breaks: a lone CR (old Mac files) is a line break in YAML and in LineIndex, but the YAML
 * library and the block splitters only break at LF. The text returned has each lone CR replaced by
 * an LF: one character for one, so every offset (and every line/character position) is the file's
 * own; a note says so. CRLF is left as it is.
 */
import * as fs from 'fs';
import * as l10n from '../l10n';
import { loneCrAsLf } from '../text';

export { loneCrAsLf };

/** Reports larger than this are not read (a report of 21,000 lines is about 1.5 MB). */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

export type ReadFailureKind = 'not-regular' | 'too-large' | 'unreadable-file' | 'encoding';
export interface ReadFailure {
  ok: false;
  kind: ReadFailureKind;
  message: string;
}
export type BytesResult = { ok: true; bytes: Buffer } | ReadFailure;

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';
export interface TextRead {
  ok: true;
  text: string;
  encoding: TextEncodingName;
  /** What a reader should know: UTF-16 read, lone CR line breaks read as line breaks. */
  notes: string[];
}
export type TextResult = TextRead | ReadFailure;

/** "2.0 GB", "20 MB", "512 B". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 || Number.isInteger(v) ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}

/** Why a system call failed, in words (EACCES → 没有读取权限). */
export function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EACCES': case 'EPERM': return l10n.t('没有读取权限');
    case 'ENOENT': return l10n.t('不存在');
    case 'ELOOP': return l10n.t('链接层数过多或链接成环');
    case 'EISDIR': return l10n.t('这是文件夹，不是文件');
    case 'ENOTDIR': return l10n.t('路径中有一段不是文件夹');
    default: return code ?? String((e as Error)?.message ?? e);
  }
}

type StatLike = Pick<fs.Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket' | 'isSymbolicLink'>;

/** What a file that is not a regular file is: 命名管道（FIFO）, 字符设备（如 /dev/zero）… */
export function fileKindText(st: StatLike): string {
  if (st.isDirectory()) return l10n.t('文件夹');
  if (st.isFIFO()) return l10n.t('命名管道（FIFO）');
  if (st.isCharacterDevice()) return l10n.t('字符设备（如 /dev/zero）');
  if (st.isBlockDevice()) return l10n.t('块设备');
  if (st.isSocket()) return l10n.t('套接字（socket）');
  return l10n.t('特殊文件');
}

export const notRegularMessage = (st: StatLike) => l10n.t('这不是普通文件，而是{0}：没有读取', fileKindText(st));
export const tooLargeMessage = (size: number, max: number) => l10n.t('文件有 {0}，超过 {1} 的上限：没有读取', formatSize(size), formatSize(max));

const fail = (kind: ReadFailureKind, message: string): ReadFailure => ({ ok: false, kind, message });
const unreadable = (e: unknown) => fail('unreadable-file', l10n.t('无法读取文件：{0}', errnoText(e)));
/** O_NONBLOCK: open() of a FIFO returns at once (it is then refused); no effect on a regular file. Windows has none. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** Reads a regular file of at most maxBytes. */
export function readFileBytesSync(file: string, maxBytes = MAX_REPORT_BYTES): BytesResult {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    return unreadable(e);
  }
  if (!st.isFile()) return st.isDirectory() ? fail('unreadable-file', l10n.t('这是文件夹，不是文件')) : fail('not-regular', notRegularMessage(st));
  if (st.size > maxBytes) return fail('too-large', tooLargeMessage(st.size, maxBytes));
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (e) {
    return unreadable(e);
  }
  try {
    const fst = fs.fstatSync(fd);
    if (!fst.isFile()) return fail('not-regular', notRegularMessage(fst));
    if (fst.size > maxBytes) return fail('too-large', tooLargeMessage(fst.size, maxBytes));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(maxBytes + 1 - total, Math.max(fst.size + 1 - total, 65536)));
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > maxBytes) return fail('too-large', tooLargeMessage(total, maxBytes));
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return unreadable(e);
  } finally {
    fs.closeSync(fd);
  }
}

/** The same, without blocking the event loop (the language server). */
export async function readFileBytes(file: string, maxBytes = MAX_REPORT_BYTES): Promise<BytesResult> {
  let st: fs.Stats;
  try {
    st = await fs.promises.stat(file);
  } catch (e) {
    return unreadable(e);
  }
  if (!st.isFile()) return st.isDirectory() ? fail('unreadable-file', l10n.t('这是文件夹，不是文件')) : fail('not-regular', notRegularMessage(st));
  if (st.size > maxBytes) return fail('too-large', tooLargeMessage(st.size, maxBytes));
  let fh: fs.promises.FileHandle;
  try {
    fh = await fs.promises.open(file, OPEN_FLAGS);
  } catch (e) {
    return unreadable(e);
  }
  try {
    const fst = await fh.stat();
    if (!fst.isFile()) return fail('not-regular', notRegularMessage(fst));
    if (fst.size > maxBytes) return fail('too-large', tooLargeMessage(fst.size, maxBytes));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(maxBytes + 1 - total, Math.max(fst.size + 1 - total, 65536)));
      const { bytesRead: n } = await fh.read(buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > maxBytes) return fail('too-large', tooLargeMessage(total, maxBytes));
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return unreadable(e);
  } finally {
    await fh.close();
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true });

function swap16(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length);
  for (let i = 0; i + 1 < b.length; i += 2) {
    out[i] = b[i + 1];
    out[i + 1] = b[i];
  }
  return out;
}

/** UTF-16 without a BOM: most characters of a text have one zero byte, always on the same side. */
function utf16WithoutBom(b: Uint8Array): 'UTF-16 LE' | 'UTF-16 BE' | undefined {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  // ASCII (spaces, digits, line breaks) gives zeros on one side; a CJK character rarely has a zero byte
  if (odd >= pairs * 0.05 && even <= odd / 10) return 'UTF-16 LE';
  if (even >= pairs * 0.05 && odd <= even / 10) return 'UTF-16 BE';
  return undefined;
}

/** The 1-based line of the first byte that is not UTF-8. */
function firstBadLine(b: Uint8Array): number {
  let line = 1;
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    const len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > b.length) return line;
    for (let k = 1; k < len; k++) if ((b[i + k] & 0xc0) !== 0x80) return line;
    if (c === 0x0a) line++;
    i += len;
  }
  return line;
}

/** Says why bytes that are not UTF-8 cannot be read, naming what they probably are. */
function notUtf8(b: Uint8Array): ReadFailure {
  const u16 = utf16WithoutBom(b);
  if (u16) return fail('encoding', l10n.t('文件不是 UTF-8 编码，看起来是没有 BOM 的 {0}：请在编辑器中以 UTF-8 重新保存', u16));
  const head = b.subarray(0, 65536);
  let controls = 0;
  for (const c of head) if (c === 0 || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b)) controls++;
  if (controls > head.length * 0.05) return fail('encoding', l10n.t('文件不是文本文件（含有二进制内容）：报告文件应为 UTF-8 文本'));
  const gb = new TextDecoder('gb18030').decode(head);
  if (!gb.includes('\ufffd') && /[\u4e00-\u9fff]/.test(gb)) return fail('encoding', l10n.t('文件不是 UTF-8 编码（可能是 GBK）：请在编辑器中以 UTF-8 重新保存'));
  return fail('encoding', l10n.t('文件不是 UTF-8 编码（第 {0} 行起有无法识别的字节）：请在编辑器中以 UTF-8 重新保存', firstBadLine(b)));
}

/** Lone CRs read as line breaks, with a note saying so. */
function lineBreaks(text: string, notes: string[]): string {
  const t = loneCrAsLf(text);
  if (t !== text) notes.push(l10n.t('文件用单独的 CR 换行（旧 Mac 格式）：已按换行读取；请改为 LF 或 CRLF 换行，其他工具可能把整个文件读成一行'));
  return t;
}

/** Decodes the bytes of a text file (see the head of this file). */
export function decodeText(b: Uint8Array): TextResult {
  const notes: string[] = [];
  try {
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { ok: true, text: lineBreaks(utf8.decode(b.subarray(3)), notes), encoding: 'utf-8', notes };
  } catch {
    return fail('encoding', l10n.t('文件以 UTF-8 的 BOM 开头，但含有不是 UTF-8 的字节（第 {0} 行起）：请在编辑器中以 UTF-8 重新保存', firstBadLine(b.subarray(3))));
  }
  if ((b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) || (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff)) {
    return fail('encoding', l10n.t('文件是 {0} 编码：请在编辑器中以 UTF-8 重新保存', 'UTF-32'));
  }
  const le = b[0] === 0xff && b[1] === 0xfe;
  if (le || (b[0] === 0xfe && b[1] === 0xff)) {
    const name = le ? 'UTF-16 LE' : 'UTF-16 BE';
    let text: string;
    try {
      text = utf16le.decode(le ? b.subarray(2) : swap16(b.subarray(2)));
    } catch {
      return fail('encoding', l10n.t('文件以 {0} 的 BOM 开头，但内容不是有效的 {0}：请在编辑器中以 UTF-8 重新保存', name));
    }
    notes.push(l10n.t('文件是 {0} 编码（带 BOM），已按 {0} 读取；报告文件应为 UTF-8：请在编辑器中以 UTF-8 重新保存，其他工具可能读不懂', name));
    return { ok: true, text: lineBreaks(text, notes), encoding: le ? 'utf-16le' : 'utf-16be', notes };
  }
  let text: string;
  try {
    text = utf8.decode(b);
  } catch {
    return notUtf8(b);
  }
  return { ok: true, text: lineBreaks(text, notes), encoding: 'utf-8', notes };
}

/** Reads and decodes a text file of at most maxBytes (see the head of this file); never throws. */
export function readTextFileSync(file: string, maxBytes = MAX_REPORT_BYTES): TextResult {
  const r = readFileBytesSync(file, maxBytes);
  return r.ok ? decodeText(r.bytes) : r;
}

/** The same, without blocking the event loop (the language server). */
export async function readTextFile(file: string, maxBytes = MAX_REPORT_BYTES): Promise<TextResult> {
  const r = await readFileBytes(file, maxBytes);
  return r.ok ? decodeText(r.bytes) : r;
}

/**
 * The first whole lines of a UTF-8 report file, up to `bytes` (cut after the last line break there:
 * no character is cut), for what needs only its head (the 报告 block's type, year and unit).
 * `whole`: the file is no longer. Undefined when the head cannot be read that simply (not a regular
 * file, too large, a BOM of UTF-16/32, not UTF-8, a lone CR, no line break): read the file whole then,
 * which also says what is wrong.
 */
export function readHeadSync(file: string, bytes = 8192): { text: string; whole: boolean } | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size > MAX_REPORT_BYTES) return undefined;
    const buf = Buffer.allocUnsafe(bytes + 1);
    let n = 0;
    for (let k; n < buf.length && (k = fs.readSync(fd, buf, n, buf.length - n, null)) > 0;) n += k;
    if (n > 0 && (buf[0] === 0xff || buf[0] === 0xfe || buf[0] === 0)) return undefined; // UTF-16/32 (or binary)
    const whole = n <= bytes;
    const end = whole ? n : buf.lastIndexOf(0x0a, n - 1) + 1;
    if (end <= 0) return undefined;
    let text = utf8.decode(buf.subarray(0, end));
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (/\r(?!\n)/.test(text)) return undefined;
    return { text, whole };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
