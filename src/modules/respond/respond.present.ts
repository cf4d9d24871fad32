// Respondent API presenters: only what a respondent needs, never anything about other respondents.
export function presentSearchResult(row: {
  id: string;
  nameTh: string;
  nameEn: string | null;
  provinceCode: string | null;
  provinceNameTh: string | null;
  provinceNameEn: string | null;
}) {
  return {
    id: row.id,
    nameTh: row.nameTh,
    nameEn: row.nameEn,
    province:
      row.provinceCode && row.provinceNameTh
        ? { code: row.provinceCode, nameTh: row.provinceNameTh, nameEn: row.provinceNameEn }
        : null,
  };
}
