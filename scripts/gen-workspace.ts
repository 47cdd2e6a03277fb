/**
 * Generates a large workspace for load measurements (npm run bench, the protocol load test): `depts`
 * 部门决算 reports, each listing `unitsPerDept` units in its 单位构成, and a 单位决算 report for every
 * listed unit — 2,000 reports by default (20 × (1 + 99)). The reports are sample 000 (a real 部门决算
 * of 387 lines, every standard table) with the type, the unit and the 单位构成 rewritten, so every
 * file is parsed and checked as a real one is; the 部门 sums do not match their units (findings).
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');

function base(): string {
  const dir = path.join(ROOT, 'samples');
  const f = fs.readdirSync(dir).find((x) => x.startsWith('000-') && x.endsWith('.jsgk.yaml'));
  if (!f) throw new Error('sample 000 not found');
  return fs.readFileSync(path.join(dir, f), 'utf8');
}

const withUnit = (text: string, type: string, unit: string) =>
  text.replace(/^ {2}类型: .*$/m, `  类型: ${type}`).replace(/^ {2}单位: .*$/m, `  单位: ${unit}`);

/** The 部门概况 block of a 部门 report listing its units. */
function overview(units: string[]): string {
  return ['部门概况:', '  - 一、部门决算单位构成:', '      正文: |', `        纳入本部门2023年度部门决算编制范围的单位共${units.length}家。`, '      单位构成:',
    ...units.map((u, i) => `        - [${i + 1}, ${u}, 事业单位]`), ''].join('\n');
}

export interface Workspace {
  dir: string;
  files: string[];
  /** The 部门 reports (first: the one a test opens). */
  depts: string[];
}

export function generateWorkspace(dir: string, opts: { depts?: number; unitsPerDept?: number } = {}): Workspace {
  const depts = opts.depts ?? 20;
  const per = opts.unitsPerDept ?? 99;
  const text = base();
  const files: string[] = [];
  const deptFiles: string[] = [];
  for (let d = 1; d <= depts; d++) {
    const folder = path.join(dir, `部门${String(d).padStart(2, '0')}`);
    fs.mkdirSync(folder, { recursive: true });
    const dname = `某市第${d}局`;
    const units = Array.from({ length: per }, (_, u) => `${dname}所属第${u + 1}中心`);
    const dtext = withUnit(text, '部门决算', dname).replace(/^部门概况:\n(?: {2}.*\n|\n)*/m, overview(units) + '\n');
    const df = path.join(folder, `${dname}-2023部门决算.jsgk.yaml`);
    fs.writeFileSync(df, dtext);
    files.push(df);
    deptFiles.push(df);
    for (const u of units) {
      const uf = path.join(folder, `${u}-2023单位决算.jsgk.yaml`);
      fs.writeFileSync(uf, withUnit(text, '单位决算', u));
      files.push(uf);
    }
  }
  return { dir, files, depts: deptFiles };
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('用法：node out/scripts/gen-workspace.js <文件夹> [部门数] [每个部门的单位数]');
    process.exit(2);
  }
  const w = generateWorkspace(dir, { depts: Number(process.argv[3] ?? 20), unitsPerDept: Number(process.argv[4] ?? 99) });
  console.log(`写入 ${w.files.length} 份报告到 ${dir}`);
}
