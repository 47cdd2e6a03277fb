/**
 * The workspace walk: which report files a folder holds. One walk for the CLI (`findReportsSync`)
 * and the language server (`findReports`: asynchronous, yields to the event loop, cancellable).
 * The rules are written once, in `walk` (a generator that asks for file-system calls); the two
 * drivers answer those calls with the synchronous or the promise API.
 *
 * Rules:
 * - node_modules and folders or files whose name starts with "." are skipped;
 * - real folders first; a symbolic link to a folder is followed afterwards, at most once per real
 *   folder, and only into a folder inside the roots: a loop (`again -> .`), a second way into a
 *   folder already walked, and a link out of the roots (to /) are not followed: each is a problem;
 * - only regular files are taken; a FIFO, a device (/dev/zero), a socket named like a report is a
 *   problem and is never opened; a file larger than maxBytes is a problem and is not read;
 * - a file reached twice (through a link, or two roots) is taken once: a real path beats a link;
 * - a folder that cannot be read is a problem, and the walk goes on;
 * - at most maxFiles files and maxEntries folder entries: then a problem, and the walk stops.
 * Messages are in the current language (简体中文 by default).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as l10n from '../l10n';
import { errnoText, fileKindText, MAX_REPORT_BYTES, notRegularMessage, tooLargeMessage } from './read';

import { REPORT_FILE } from './files';

export { REPORT_FILE };

export interface FoundFile {
  /** The path as reached from a root (through links, if any). */
  path: string;
  /** The path without links. */
  realPath: string;
  size: number;
}

export type WalkProblemKind = 'unreadable-dir' | 'unreadable-file' | 'not-regular' | 'too-large' | 'loop' | 'duplicate' | 'outside' | 'limit';

export interface WalkProblem {
  path: string;
  kind: WalkProblemKind;
  /** What was expected and what was found (简体中文, or the current language). */
  message: string;
  /** The path is one of the roots the caller gave (a CLI argument): worth an error rather than a warning. */
  root?: boolean;
}

export interface WalkResult {
  files: FoundFile[];
  problems: WalkProblem[];
}

export interface WalkOptions {
  /** Names of the files to take (default REPORT_FILE). A root that is a file is taken whatever its name. */
  pattern?: RegExp;
  /** At most this many files (default 5,000); then a 'limit' problem and the walk stops. */
  maxFiles?: number;
  /** Larger files are a 'too-large' problem (default MAX_REPORT_BYTES, 20 MB). */
  maxBytes?: number;
  /** At most this many folder entries looked at (default 1,000,000); then a 'limit' problem. */
  maxEntries?: number;
  /** findReports only: aborting rejects the promise with the signal's reason. */
  signal?: AbortSignal;
  /** findReports only: yield to the event loop (setImmediate) after this many file-system calls (default 64). */
  yieldEvery?: number;
}

export const DEFAULT_MAX_FILES = 5000;
export const DEFAULT_MAX_ENTRIES = 1_000_000;

// ---- the file-system calls the walk asks for -------------------------------------------------

interface Stat {
  isFile(): boolean;
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
  isSymbolicLink(): boolean;
  dev: bigint;
  ino: bigint;
  size: bigint;
}

type Call =
  | { op: 'stat'; path: string }
  | { op: 'readdir'; path: string }
  | { op: 'realpath'; path: string }
  | { op: 'readlink'; path: string };

type Answer<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A generator that asks for calls and gets their answers; `ask` types the answer. */
type Walker = Generator<Call, WalkResult, Answer<unknown>>;

function* ask<T>(call: Call): Generator<Call, Answer<T>, Answer<unknown>> {
  return (yield call) as Answer<T>;
}

function callSync(c: Call): unknown {
  switch (c.op) {
    case 'stat': return fs.statSync(c.path, { bigint: true });
    case 'readdir': return fs.readdirSync(c.path, { withFileTypes: true });
    case 'realpath': return fs.realpathSync.native(c.path);
    case 'readlink': return fs.readlinkSync(c.path);
  }
}

function callAsync(c: Call): Promise<unknown> {
  switch (c.op) {
    case 'stat': return fs.promises.stat(c.path, { bigint: true });
    case 'readdir': return fs.promises.readdir(c.path, { withFileTypes: true });
    case 'realpath': return fs.promises.realpath(c.path);
    case 'readlink': return fs.promises.readlink(c.path);
  }
}

// ---- the walk ----------------------------------------------------------------------------

/** The identity of a file or folder: device and inode (a real path where there is no inode). */
const idOf = (st: Stat, real: string) => (st.ino !== 0n ? `${st.dev}:${st.ino}` : `path:${real}`);

/** a is b or inside b (real paths). */
const within = (a: string, b: string) => a === b || a.startsWith(b.endsWith(path.sep) ? b : b + path.sep);

interface Frame {
  dir: string;
  real: string;
  entries: fs.Dirent[];
  next: number;
}

function* walk(roots: string[], o: WalkOptions): Walker {
  const pattern = o.pattern ?? REPORT_FILE;
  const maxFiles = o.maxFiles ?? DEFAULT_MAX_FILES;
  const maxBytes = o.maxBytes ?? MAX_REPORT_BYTES;
  const maxEntries = o.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const files: Array<FoundFile & { id: string; viaLink: boolean }> = [];
  const fileById = new Map<string, number>();
  const problems: WalkProblem[] = [];
  /** Folders entered, by identity: the path they were entered by. */
  const entered = new Map<string, string>();
  const realRoots: string[] = [];
  const rootIds = new Set<string>();
  const links: Array<{ path: string; real: string; id: string; from: string }> = [];
  let entries = 0;
  let stopped = false;
  const rootSet = new Set(roots.map((r) => path.resolve(r)));
  const problem = (p: string, kind: WalkProblemKind, message: string) => {
    problems.push(rootSet.has(path.resolve(p)) ? { path: p, kind, message, root: true } : { path: p, kind, message });
  };

  /** Takes a file (stat of its target given), unless it is not regular, too large, or already taken. */
  function* take(p: string, st: Stat, realGuess: string | undefined, viaLink: boolean): Generator<Call, void, Answer<unknown>> {
    if (!st.isFile()) {
      if (viaLink) {
        const t = yield* ask<string>({ op: 'readlink', path: p });
        problem(p, 'not-regular', l10n.t('这是指向 {0} 的链接，那不是普通文件，而是{1}：没有读取', t.ok ? t.value : '?', fileKindText(st)));
      } else problem(p, 'not-regular', notRegularMessage(st));
      return;
    }
    const size = Number(st.size);
    if (size > maxBytes) {
      problem(p, 'too-large', tooLargeMessage(size, maxBytes));
      return;
    }
    let real = realGuess;
    if (real === undefined) {
      const r = yield* ask<string>({ op: 'realpath', path: p });
      real = r.ok ? r.value : path.resolve(p);
    }
    const id = idOf(st, real);
    const seen = fileById.get(id);
    if (seen !== undefined) {
      const first = files[seen];
      if (first.path === p || (rootSet.has(path.resolve(p)) && rootSet.has(path.resolve(first.path)))) return; // the same root given twice
      if (first.viaLink && !viaLink) {
        // a real path beats a link: the file keeps its place, reached by its own name
        problem(first.path, 'duplicate', l10n.t('与 {0} 是同一个文件：只检查一次', p));
        files[seen] = { ...first, path: p, realPath: real, viaLink };
      } else problem(p, 'duplicate', l10n.t('与 {0} 是同一个文件：只检查一次', first.path));
      return;
    }
    if (files.length >= maxFiles) {
      problem(p, 'limit', l10n.t('报告文件超过 {0} 个：只读取了前 {0} 个，其余没有检查', maxFiles));
      stopped = true;
      return;
    }
    fileById.set(id, files.length);
    files.push({ path: p, realPath: real, size, id, viaLink });
  }

  /** Walks a folder and the real folders below it (depth first, names in order); links to folders are kept for later. */
  function* walkTree(dir: string, real: string, id: string): Generator<Call, void, Answer<unknown>> {
    const stack: Frame[] = [];
    const open = function* (d: string, r: string, i: string): Generator<Call, void, Answer<unknown>> {
      entered.set(i, d);
      const ls = yield* ask<fs.Dirent[]>({ op: 'readdir', path: d });
      if (!ls.ok) {
        problem(d, 'unreadable-dir', l10n.t('无法读取此文件夹（{0}）：其中的报告没有检查，其余照常检查', errnoText(ls.error)));
        return;
      }
      stack.push({ dir: d, real: r, entries: ls.value.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), next: 0 });
    };
    yield* open(dir, real, id);
    while (stack.length && !stopped) {
      const f = stack[stack.length - 1];
      if (f.next >= f.entries.length) {
        stack.pop();
        continue;
      }
      const ent = f.entries[f.next++];
      const name = ent.name;
      if (name === 'node_modules' || name.startsWith('.')) continue;
      if (++entries > maxEntries) {
        problem(f.dir, 'limit', l10n.t('文件夹中的条目超过 {0} 个：查找到此为止，其余没有检查', maxEntries));
        stopped = true;
        break;
      }
      const p = path.join(f.dir, name);
      const r = path.join(f.real, name);
      if (ent.isDirectory()) {
        const st = yield* ask<Stat>({ op: 'stat', path: p });
        if (!st.ok) {
          problem(p, 'unreadable-dir', l10n.t('无法读取此文件夹（{0}）：其中的报告没有检查，其余照常检查', errnoText(st.error)));
          continue;
        }
        const i = idOf(st.value, r);
        if (rootIds.has(i)) continue; // a root given inside another root: walked as that root
        if (entered.has(i)) {
          // a folder mounted inside itself (bind mount) or a hard-linked folder
          problem(p, 'loop', l10n.t('此文件夹与已检查过的 {0} 是同一个文件夹：不再进入', entered.get(i)!));
          continue;
        }
        yield* open(p, r, i);
      } else if (ent.isSymbolicLink()) {
        const st = yield* ask<Stat>({ op: 'stat', path: p });
        if (!st.ok) {
          if (pattern.test(name)) {
            const t = yield* ask<string>({ op: 'readlink', path: p });
            problem(p, 'unreadable-file', l10n.t('这是指向 {0} 的链接，无法读取它指向的文件：{1}', t.ok ? t.value : '?', errnoText(st.error)));
          }
          continue;
        }
        if (st.value.isDirectory()) {
          const rp = yield* ask<string>({ op: 'realpath', path: p });
          if (rp.ok) links.push({ path: p, real: rp.value, id: idOf(st.value, rp.value), from: f.real });
        } else if (pattern.test(name)) yield* take(p, st.value, undefined, true);
      } else if (pattern.test(name)) {
        if (ent.isFile()) {
          const st = yield* ask<Stat>({ op: 'stat', path: p });
          if (!st.ok) problem(p, 'unreadable-file', l10n.t('无法读取文件：{0}', errnoText(st.error)));
          else yield* take(p, st.value, r, false);
        } else problem(p, 'not-regular', notRegularMessage(ent));
      }
    }
  }

  // the roots: folders are walked, files are taken whatever their name
  const rootDirs: Array<{ path: string; real: string; id: string }> = [];
  for (const root of roots) {
    const st = yield* ask<Stat>({ op: 'stat', path: root });
    if (!st.ok) {
      problem(root, 'unreadable-file', l10n.t('无法读取：{0}', errnoText(st.error)));
      continue;
    }
    const rp = yield* ask<string>({ op: 'realpath', path: root });
    const real = rp.ok ? rp.value : path.resolve(root);
    if (st.value.isDirectory()) {
      realRoots.push(real);
      rootDirs.push({ path: root, real, id: idOf(st.value, real) });
      rootIds.add(idOf(st.value, real));
    } else if (!stopped) yield* take(root, st.value, real, false);
  }
  for (const d of rootDirs) {
    if (stopped) break;
    if (entered.has(d.id)) continue; // a root inside another root
    yield* walkTree(d.path, d.real, d.id);
  }
  // links to folders, after every real folder: a link never hides the folder's own path
  while (links.length && !stopped) {
    const l = links.shift()!;
    if (entered.has(l.id)) {
      if (within(l.from, l.real)) problem(l.path, 'loop', l10n.t('这是指向上级文件夹（{0}）的链接，进入会无限循环：没有进入', l.real));
      else problem(l.path, 'duplicate', l10n.t('这是指向文件夹 {0} 的链接，那里的报告已检查过：不再重复检查', entered.get(l.id)!));
      continue;
    }
    if (!realRoots.some((r) => within(l.real, r))) {
      problem(l.path, 'outside', l10n.t('这是指向所查文件夹之外（{0}）的链接：不跟随，那里的报告没有检查', l.real));
      continue;
    }
    yield* walkTree(l.path, l.real, l.id);
  }
  return { files: files.map(({ path: p, realPath, size }) => ({ path: p, realPath, size })), problems };
}

// ---- the two drivers -------------------------------------------------------------------------

/** The walk for the command line: synchronous. */
export function findReportsSync(roots: string[], opts: WalkOptions = {}): WalkResult {
  const g = walk(roots, opts);
  let answer: Answer<unknown> | undefined;
  for (;;) {
    const r = g.next(answer as Answer<unknown>);
    if (r.done) return r.value;
    try {
      answer = { ok: true, value: callSync(r.value) };
    } catch (error) {
      answer = { ok: false, error };
    }
  }
}

/**
 * The walk for the language server: every call asynchronous, a turn of the event loop
 * (setImmediate) every `yieldEvery` calls, and `signal` checked between calls (an abort rejects
 * with the signal's reason).
 */
export async function findReports(roots: string[], opts: WalkOptions = {}): Promise<WalkResult> {
  const g = walk(roots, opts);
  const every = Math.max(1, opts.yieldEvery ?? 64);
  let answer: Answer<unknown> | undefined;
  for (let n = 1; ; n++) {
    if (opts.signal?.aborted) {
      g.return({ files: [], problems: [] });
      opts.signal.throwIfAborted();
    }
    const r = g.next(answer as Answer<unknown>);
    if (r.done) return r.value;
    try {
      answer = { ok: true, value: await callAsync(r.value) };
    } catch (error) {
      answer = { ok: false, error };
    }
    if (n % every === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

