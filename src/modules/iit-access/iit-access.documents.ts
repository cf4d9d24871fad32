// The printable IIT documents: the A4 poster (QR, link, access code, instructions — in Thai) and the
// single-use token slips. Nothing here touches the database.
import { drawQr, formatDay, newA4, pdfBuffer, writeWrapped } from './pdf-kit.ts';

export interface PosterInput {
  agencyName: string;
  year: number;
  link: string;
  accessCode: string;
  tokensRequired: boolean;
  /** Last day of the IIT collection window (Bangkok), when the calendar knows it. */
  closesOn?: string | null;
}

const A4 = { width: 595.28, height: 841.89 };
const NAVY = '#1b3a6b';
const MARGIN = 48;

/** Groups a code for reading aloud and typing: ABCD-EFGH, ABCDE-FGHJK. */
export function groupCode(code: string): string {
  const half = Math.ceil(code.length / 2);
  return `${code.slice(0, half)}-${code.slice(half)}`;
}

export async function posterPdf(p: PosterInput): Promise<Buffer> {
  const doc = await newA4(`IIT ${p.year} — ${p.agencyName}`);
  const inner = A4.width - MARGIN * 2;

  doc.rect(0, 0, A4.width, 150).fill(NAVY);
  doc.fillColor('#ffffff').font('bold').fontSize(26);
  let y = writeWrapped(doc, 'ร่วมตอบแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)', MARGIN, 30, inner, {
    align: 'center',
  });
  doc.font('regular').fontSize(14);
  writeWrapped(
    doc,
    `การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. ${p.year}`,
    MARGIN,
    y + 4,
    inner,
    { align: 'center' },
  );

  doc.fillColor(NAVY).font('bold').fontSize(22);
  y = writeWrapped(doc, p.agencyName, MARGIN, 170, inner, { align: 'center' });

  const qrSize = 230;
  drawQr(doc, p.link, (A4.width - qrSize) / 2, y + 6, qrSize);
  y += qrSize + 10;
  doc.fillColor('#333333').font('regular').fontSize(12);
  y = writeWrapped(doc, p.link, MARGIN, y, inner, { align: 'center' });

  const boxTop = y + 10;
  doc
    .roundedRect(MARGIN + 80, boxTop, inner - 160, 84, 10)
    .lineWidth(2)
    .stroke(NAVY);
  doc.fillColor('#333333').font('regular').fontSize(14);
  doc.text('รหัสเข้าตอบแบบวัด', MARGIN, boxTop + 8, { width: inner, align: 'center', lineBreak: false });
  doc.fillColor(NAVY).font('bold').fontSize(36);
  doc.text(groupCode(p.accessCode), MARGIN, boxTop + 30, {
    width: inner,
    align: 'center',
    characterSpacing: 4,
    lineBreak: false,
  });

  y = boxTop + 104;
  doc.fillColor('#111111').font('bold').fontSize(16).text('วิธีตอบ', MARGIN, y, { lineBreak: false });
  y += 26;
  doc.font('regular').fontSize(14);
  const steps = [
    'ผู้ตอบ: บุคลากรที่ปฏิบัติงานในหน่วยงานนี้มาแล้วไม่น้อยกว่า 1 ปี ตอบได้คนละหนึ่งครั้ง',
    'สแกนคิวอาร์โค้ดด้วยกล้องโทรศัพท์ หรือเปิดลิงก์ด้านบน แล้วกรอกรหัสเข้าตอบแบบวัด',
    ...(p.tokensRequired ? ['กรอกรหัสใช้ครั้งเดียวที่ได้รับแจก (รหัสแต่ละใบใช้ได้ครั้งเดียว และไม่ผูกกับคำตอบของท่าน)'] : []),
    'ไม่ต้องลงชื่อหรือเข้าสู่ระบบ ระบบไม่เก็บชื่อ อีเมล หมายเลขโทรศัพท์ หรือที่อยู่ไอพีของผู้ตอบ และไม่มีผู้ใดในหน่วยงานเห็นคำตอบรายบุคคล',
    ...(p.closesOn ? [`ตอบได้ถึงวันที่ ${formatDay(p.closesOn, 'th')}`] : []),
  ];
  steps.forEach((step, i) => {
    doc.text(`${i + 1}.`, MARGIN, y, { lineBreak: false });
    y = writeWrapped(doc, step, MARGIN + 20, y, inner - 20) + 4;
  });

  doc.fillColor('#666666').font('regular').fontSize(10);
  doc.text(
    'Internal Integrity and Transparency Assessment survey — scan the QR code, enter the access code. Anonymous.',
    MARGIN,
    A4.height - 36,
    { width: inner, align: 'center', lineBreak: false },
  );
  return pdfBuffer(doc);
}

export interface SlipsInput {
  agencyName: string;
  year: number;
  link: string;
  tokens: string[];
}

/** Ten slips per A4 page (2 × 5) with cut lines; each carries a QR of the link with its token. */
export async function tokenSlipsPdf(s: SlipsInput): Promise<Buffer> {
  const doc = await newA4(`IIT ${s.year} tokens — ${s.agencyName}`);
  const cols = 2;
  const rows = 5;
  const w = A4.width / cols;
  const h = A4.height / rows;
  s.tokens.forEach((token, i) => {
    const slot = i % (cols * rows);
    if (i > 0 && slot === 0) doc.addPage({ size: 'A4', margin: 0 });
    const x = (slot % cols) * w;
    const y = Math.floor(slot / cols) * h;
    doc.save().lineWidth(0.5).dash(4, { space: 4 }).rect(x, y, w, h).stroke('#999999').restore();
    const qr = 96;
    drawQr(doc, `${s.link}?t=${token}`, x + 10, y + 12, qr);
    const tx = x + qr + 18;
    const tw = w - qr - 30;
    doc.fillColor(NAVY).font('bold').fontSize(11);
    let ty = writeWrapped(doc, `แบบวัด IIT ปี ${s.year} · ${s.agencyName}`, tx, y + 14, tw, { lineGap: 0 });
    doc
      .fillColor('#333333')
      .font('regular')
      .fontSize(9)
      .text('รหัสใช้ครั้งเดียว', tx, ty + 2, { lineBreak: false });
    doc.fillColor('#000000').font('bold').fontSize(18);
    doc.text(groupCode(token), tx, ty + 14, { characterSpacing: 1.5, lineBreak: false });
    ty += 42;
    doc.fillColor('#333333').font('regular').fontSize(9);
    writeWrapped(
      doc,
      'สแกนคิวอาร์โค้ด แล้วกรอกรหัสเข้าตอบที่หน่วยงานประกาศ รหัสนี้ใช้ได้ครั้งเดียว ระบบไม่บันทึกว่ารหัสใดเป็นของคำตอบใด',
      tx,
      ty,
      tw,
      { lineGap: 0 },
    );
  });
  return pdfBuffer(doc);
}

export async function qrPng(link: string): Promise<Buffer> {
  const QRCode = (await import('qrcode')).default; // loaded when first needed, not at start
  return QRCode.toBuffer(link, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 512 });
}

export async function qrSvg(link: string): Promise<string> {
  const QRCode = (await import('qrcode')).default;
  return QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
