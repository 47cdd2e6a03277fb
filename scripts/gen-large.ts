/**
 * Generates a large consolidated report for benchmarks: many unit tables keyed by 科目 codes
 * (类/款/项 that add up, with a few planted discrepancies), a long narrative and a glossary.
 */
import { builtinCatalogue } from '../server/src/service/kemu';

const CLASSES: Array<[string, string]> = [['201', '一般公共服务支出'], ['205', '教育支出'], ['207', '文化旅游体育与传媒支出'], ['208', '社会保障和就业支出'], ['210', '卫生健康支出'], ['213', '农林水支出'], ['216', '商业服务业等支出'], ['221', '住房保障支出']];
const cat = builtinCatalogue();
/** Real 款 and 项 of a class from the catalogue, so that the report looks like a real one. */
function realKuans(c: string): Array<{ code: string; name: string; items: Array<{ code: string; name: string }> }> {
  return cat.children(c).map((k) => ({ code: k.code, name: k.name, items: cat.children(k.code).slice(0, 2).map((x) => ({ code: x.code, name: x.name })) })).filter((k) => k.items.length === 2).slice(0, 3);
}

function amount(seed: number): number {
  return ((seed * 7919) % 100000) + 100; // in 分
}
const fmt = (fen: number) => (fen / 100).toFixed(2);

export function generateLargeReport(opts: { units?: number; narrativeParagraphs?: number } = {}): { text: string; lines: number; codeRows: number } {
  const units = opts.units ?? 180;
  const out: string[] = ['报告:', '  类型: 部门决算', '  年度: 2023', '  单位: 某市某局（汇总）', '  金额单位: 万元', ''];
  let codeRows = 0;
  let seed = 1;
  for (let u = 1; u <= units; u++) {
    out.push(`表 支出决算表（单位${u}）:`, '  类型: 决算03', '  列: [本年支出合计, 基本支出, 项目支出, 上缴上级支出, 经营支出, 对附属单位补助支出]', '  行:');
    const rows: string[] = [];
    let total = [0, 0];
    for (const [c, name] of CLASSES) {
      const kuans: string[] = [];
      let cs = [0, 0];
      for (const [k, kuan] of realKuans(c).entries()) {
        const xs: string[] = [];
        let ks = [0, 0];
        for (const x of kuan.items) {
          const b = amount(seed++);
          const p = amount(seed++);
          ks = [ks[0] + b, ks[1] + p];
          xs.push(`    - ${x.code} ${x.name}: ${fmt(b + p)} ${fmt(b)} ${fmt(p)} 0.00 0.00 0.00`);
        }
        // one planted discrepancy per 20 units
        const shown = u % 20 === 0 && k === 0 && c === '201' ? ks[0] + 1000 : ks[0];
        kuans.push(`    - ${kuan.code} ${kuan.name}: ${fmt(shown + ks[1])} ${fmt(shown)} ${fmt(ks[1])} 0.00 0.00 0.00`, ...xs);
        cs = [cs[0] + ks[0], cs[1] + ks[1]];
      }
      rows.push(`    - ${c} ${name}: ${fmt(cs[0] + cs[1])} ${fmt(cs[0])} ${fmt(cs[1])} 0.00 0.00 0.00`, ...kuans);
      total = [total[0] + cs[0], total[1] + cs[1]];
    }
    out.push(`    - 合计: ${fmt(total[0] + total[1])} ${fmt(total[0])} ${fmt(total[1])} 0.00 0.00 0.00`, ...rows);
    codeRows += rows.length;
    out.push('  注: 本表反映本单位本年度各项支出情况。', '');
  }
  out.push('情况说明:');
  const paras = opts.narrativeParagraphs ?? 60;
  for (let s = 1; s <= paras; s++) {
    out.push(`  - （${s}）单位${s}支出决算情况说明: |`);
    for (let l = 0; l < 20; l++) {
      const b = amount(s * 31 + l);
      const p = amount(s * 7 + l);
      const t = b + p;
      const pct = (x: number) => ((x * 10000) / t / 100).toFixed(2);
      const inc = Math.floor(p / 10);
      const rate = ((inc * 10000) / (p - inc) / 100).toFixed(2);
      out.push(`      2023年度本年支出合计${fmt(t)}万元，其中：基本支出${fmt(b)}万元，占${pct(b)}%；项目支出${fmt(p)}万元，占${pct(p)}%。项目支出${fmt(p)}万元，比上年增加${fmt(inc)}万元，增长${rate}%。`);
    }
  }
  out.push('', '名词解释:', '  - 1.基本支出: 指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。', '  - 2.项目支出: 指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。', '');
  const text = out.join('\n');
  return { text, lines: out.length, codeRows };
}
