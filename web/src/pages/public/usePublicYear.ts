// The year a public page shows (the address's, else the latest published) and the published years.
import { useParams } from 'react-router';
import { usePublishedYears } from './api.ts';
import { yearToShow } from './view.ts';

export function usePublicYear() {
  const params = useParams();
  const years = usePublishedYears();
  const published = years.data?.items.map((i) => i.year) ?? [];
  return { years, published, year: years.data ? yearToShow(params.year, published) : null };
}
