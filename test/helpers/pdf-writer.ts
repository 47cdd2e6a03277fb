/**
 * A minimal PDF writer for tests: pages of text placed at given positions. The file is plain ASCII:
 * text is shown with a Type0 font (Identity-H, no font program embedded) whose ToUnicode CMap maps
 * each glyph id to its character, so CJK text is extracted exactly without any system font.
 * Widths: 1000/1000 em for CJK and full-width characters, 500 for the rest.
 */
export interface PlacedText {
  /** Left edge and baseline in PDF points (origin bottom-left). */
  x: number;
  y: number;
  text: string;
  size?: number;
  /** Right-align at x instead of starting there. */
  right?: boolean;
}

const wide = (ch: string) => /[\u2e80-\uffef“”]/.test(ch);
export const textWidth = (s: string, size = 10) => [...s].reduce((w, ch) => w + (wide(ch) ? 1 : 0.5), 0) * size;

export function makePdf(pages: PlacedText[][], width = 842, height = 595): Buffer {
  const chars = new Map<string, number>();
  for (const p of pages) for (const t of p) for (const ch of t.text) if (!chars.has(ch)) chars.set(ch, chars.size + 1);
  const hex4 = (n: number) => n.toString(16).padStart(4, '0');
  const objs: string[] = [];
  const add = (s: string) => {
    objs.push(s);
    return objs.length;
  };
  const bf = [...chars].map(([ch, cid]) => `<${hex4(cid)}> <${hex4(ch.codePointAt(0)!)}>`);
  const chunks: string[] = [];
  for (let i = 0; i < bf.length; i += 100) chunks.push(`${Math.min(100, bf.length - i)} beginbfchar\n${bf.slice(i, i + 100).join('\n')}\nendbfchar`);
  const cmap = `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n${chunks.join('\n')}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend`;
  const widths = [...chars].map(([ch, cid]) => `${cid} [${wide(ch) ? 1000 : 500}]`).join(' ');
  const catalog = add('');
  const pagesObj = add('');
  const tounicode = add(`<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`);
  const desc = add(`<< /Type /FontDescriptor /FontName /TestSans /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>`);
  const cid = add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${desc} 0 R /DW 1000 /W [${widths}] /CIDToGIDMap /Identity >>`);
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /TestSans /Encoding /Identity-H /DescendantFonts [${cid} 0 R] /ToUnicode ${tounicode} 0 R >>`);
  const kids: number[] = [];
  for (const p of pages) {
    const ops = p
      .map((t) => {
        const size = t.size ?? 10;
        const x = t.right ? t.x - textWidth(t.text, size) : t.x;
        const hex = [...t.text].map((ch) => hex4(chars.get(ch)!)).join('');
        return `BT /F1 ${size} Tf 1 0 0 1 ${x.toFixed(2)} ${t.y.toFixed(2)} Tm <${hex}> Tj ET`;
      })
      .join('\n');
    const content = add(`<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objs[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objs[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The GBK bytes of a string (ASCII as one byte), from the decoder's table. */
let gbkTable: Map<string, number[]> | undefined;
function gbk(s: string): number[] {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [a, b]);
      }
  }
  return [...s].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : gbkTable!.get(ch) ?? [0x3f]));
}

/**
 * A PDF whose fonts are not embedded and have no ToUnicode, as older Chinese PDFs are made: CJK text
 * in STSong-Light through a predefined CMap (UniGB-UCS2-H: UCS-2 codes; GBK-EUC-H: GBK bytes), so
 * that a reader needs the CMap files (code → CID) and Adobe-GB1-UCS2 (CID → text); numbers and
 * Latin text in Helvetica (a standard font, not embedded).
 */
export function makeCMapPdf(pages: Array<Array<PlacedText & { font: 'UniGB-UCS2-H' | 'GBK-EUC-H' | 'Helvetica' }>>, width = 842, height = 595): Buffer {
  const objs: string[] = [];
  const add = (s: string) => {
    objs.push(s);
    return objs.length;
  };
  const catalog = add('');
  const pagesObj = add('');
  const desc = add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  const cid = add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${desc} 0 R /DW 1000 >>`);
  const ucs = add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H /DescendantFonts [${cid} 0 R] >>`);
  const gb = add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-GBK-EUC-H /Encoding /GBK-EUC-H /DescendantFonts [${cid} 0 R] >>`);
  const helv = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const hex = (bytes: number[]) => bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  const kids: number[] = [];
  for (const p of pages) {
    const ops = p
      .map((t) => {
        const size = t.size ?? 10;
        const x = t.right ? t.x - textWidth(t.text, size) : t.x;
        const [f, bytes] = t.font === 'UniGB-UCS2-H' ? ['/U', [...t.text].flatMap((ch) => [ch.charCodeAt(0) >> 8, ch.charCodeAt(0) & 0xff])] : t.font === 'GBK-EUC-H' ? ['/G', gbk(t.text)] : ['/H', [...t.text].map((ch) => ch.charCodeAt(0))];
        return `BT ${f} ${size} Tf 1 0 0 1 ${x.toFixed(2)} ${t.y.toFixed(2)} Tm <${hex(bytes as number[])}> Tj ET`;
      })
      .join('\n');
    const content = add(`<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /U ${ucs} 0 R /G ${gb} 0 R /H ${helv} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objs[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objs[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
