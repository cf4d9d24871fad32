// EIT part 1 entry without a link or QR: find the agency by name and province, then answer its survey.
import { type FormEvent, useEffect, useState } from 'react';
import { type AgencyHit, type ApiError, type Province, respondApi } from './api.ts';
import { useI18n } from './i18n/index.ts';
import { eitSurveyPath } from './route.ts';
import { ErrorText, StepHeading } from './ui.tsx';

export function AgencySearch() {
  const { t, lang } = useI18n();
  const [q, setQ] = useState('');
  const [province, setProvince] = useState('');
  const [provinces, setProvinces] = useState<Province[]>([]);
  const [hits, setHits] = useState<AgencyHit[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    // Without the list the search still works by name.
    respondApi.provinces().then(
      (r) => setProvinces(r.items),
      () => setProvinces([]),
    );
  }, []);

  const search = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setHits((await respondApi.agencies(q.trim(), province)).items);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const name = (a: { nameTh: string; nameEn?: string | null }) =>
    lang === 'en' && a.nameEn ? a.nameEn : a.nameTh;
  const collator = new Intl.Collator(lang === 'th' ? 'th' : 'en');
  const sortedProvinces = [...provinces].sort((a, b) => collator.compare(name(a), name(b)));

  return (
    <section className="card">
      <StepHeading>{t('search.title')}</StepHeading>
      <p>{t('search.intro')}</p>
      <form onSubmit={search}>
        <div className="field">
          <label htmlFor="agency-q">{t('search.name')}</label>
          <input id="agency-q" name="q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="agency-province">{t('search.province')}</label>
          <select id="agency-province" value={province} onChange={(e) => setProvince(e.target.value)}>
            <option value="">{t('search.anyProvince')}</option>
            {sortedProvinces.map((p) => (
              <option key={p.code} value={p.code}>
                {name(p)}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('search.searching') : t('search.submit')}
          </button>
        </div>
      </form>
      <ErrorText error={error} />
      <div aria-live="polite">
        {hits && (
          <p className="status">
            {hits.length ? t('search.results', { count: hits.length }) : t('search.none')}
          </p>
        )}
      </div>
      {hits && hits.length > 0 && (
        <ul className="hits">
          {hits.map((a) => {
            const where = a.province ? name(a.province) : '';
            return (
              <li key={a.id}>
                <a href={eitSurveyPath(a.id)}>
                  <strong>{name(a)}</strong>
                  {where && <span className="hint"> · {where}</span>}
                  <span className="go">{t('search.start')}</span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
