import { SegmentedControl } from '@mantine/core';
import { setLanguage, useLang } from '../i18n/index.ts';

export function LanguageSwitch() {
  const { lang, t } = useLang();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('lang.switch')}
      value={lang}
      onChange={(v) => void setLanguage(v === 'en' ? 'en' : 'th')}
      data={[
        { value: 'th', label: t('lang.th') },
        { value: 'en', label: t('lang.en') },
      ]}
    />
  );
}
