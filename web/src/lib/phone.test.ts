import { describe, expect, it } from 'vitest';
import { formatPhone, phoneHref } from './phone.ts';

describe('formatPhone', () => {
  it('writes a 10-digit mobile number as 0XX-XXX-XXXX', () => {
    expect(formatPhone('0800004024')).toBe('080-000-4024');
    expect(formatPhone('080 000 4024')).toBe('080-000-4024');
    expect(formatPhone('+66 80 000 4024')).toBe('080-000-4024');
    expect(formatPhone('66800004024')).toBe('080-000-4024');
  });

  it('writes a 9-digit Bangkok number as 02-XXX-XXXX', () => {
    expect(formatPhone('021234567')).toBe('02-123-4567');
    expect(formatPhone('02 123 4567')).toBe('02-123-4567');
  });

  it('writes a 9-digit provincial number as 0XX-XXX-XXX', () => {
    expect(formatPhone('053123456')).toBe('053-123-456');
    expect(formatPhone('(053) 123-456')).toBe('053-123-456');
  });

  it('leaves anything else as written', () => {
    expect(formatPhone('1111')).toBe('1111');
    expect(formatPhone(' 02-123-4567 ต่อ 12 ')).toBe('02-123-4567 ต่อ 12');
    expect(formatPhone('+1 212 555 0100')).toBe('+1 212 555 0100');
    expect(formatPhone('08000040241')).toBe('08000040241');
  });
});

describe('phoneHref', () => {
  it('dials the digits', () => {
    expect(phoneHref('080-000-4024')).toBe('tel:0800004024');
    expect(phoneHref('+66 80 000 4024')).toBe('tel:+66800004024');
  });
});
