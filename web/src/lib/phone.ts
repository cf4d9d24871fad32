// Thai phone numbers as Thai people write them: mobile "080-000-4024", Bangkok "02-123-4567", provincial
// "053-123-456". Numbers stored as "0800004024", "080 000 4024" or "+66 80 000 4024" all read the same; anything
// else (short codes such as 1111, extensions) is shown as written.

/** The national digits of a Thai number ("0800004024"), or null when the value is not one. */
function nationalDigits(raw: string): string | null {
  if (!/^[\d\s\-().+]+$/.test(raw)) return null;
  const digits = raw.replace(/\D/g, '');
  if (raw.trim().startsWith('+') || (digits.startsWith('66') && digits.length === 11)) {
    return digits.startsWith('66') ? `0${digits.slice(2)}` : null;
  }
  return digits.startsWith('0') ? digits : null;
}

/** "0800004024" → "080-000-4024"; "021234567" → "02-123-4567"; "053123456" → "053-123-456". */
export function formatPhone(raw: string): string {
  const d = nationalDigits(raw);
  if (d?.length === 10 && /^0[689]/.test(d)) return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`;
  if (d?.length === 9 && d.startsWith('02')) return `${d.slice(0, 2)}-${d.slice(2, 5)}-${d.slice(5)}`;
  if (d?.length === 9) return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`;
  return raw.trim();
}

/** A `tel:` link target: the digits only (with "+" kept), so every phone dials it. */
export function phoneHref(raw: string): string {
  return `tel:${raw.trim().startsWith('+') ? '+' : ''}${raw.replace(/\D/g, '')}`;
}
