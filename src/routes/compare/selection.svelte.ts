/**
 * What the user chose on the compare screen. Kept for the session (module state), so going to a
 * trend or an item diff and back finds the same selection, sort and page.
 */
import type { Criteria, Sort, SortKey } from './view';

export const PAGE_SIZES = [25, 50, 100, 250, 500] as const;

class CompareSelection {
  region = $state('');
  countries = $state<string[]>([]);
  questionnaires = $state<string[]>([]);
  from = $state('');
  to = $state('');
  latestOnly = $state(true);
  showRanks = $state(false);
  sort = $state<Sort>({ key: 'country', direction: 'ascending' });
  /** Assessments picked for the radar (and, when two, for the item diff). */
  picked = $state<string[]>([]);
  page = $state(0);
  pageSize = $state<number>(100);
  /** Scope of the regional figures: 'overall' or a questionnaire id. */
  figuresFor = $state('overall');

  get criteria(): Criteria {
    return {
      region: this.region,
      countries: this.countries,
      questionnaires: this.questionnaires,
      from: this.from,
      to: this.to,
      latestOnly: this.latestOnly
    };
  }

  /** Scores read best first, names A to Z; a second click on the same column reverses it. */
  sortBy(key: SortKey): void {
    const text = key === 'country' || key === 'title';
    this.sort =
      this.sort.key === key
        ? { key, direction: this.sort.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: text ? 'ascending' : 'descending' };
    this.page = 0;
  }

  togglePicked(id: string): void {
    this.picked = this.picked.includes(id)
      ? this.picked.filter((x) => x !== id)
      : [...this.picked, id];
  }

  toggleCountry(code: string): void {
    this.countries = this.countries.includes(code)
      ? this.countries.filter((c) => c !== code)
      : [...this.countries, code];
    this.page = 0;
  }

  toggleQuestionnaire(id: string): void {
    this.questionnaires = this.questionnaires.includes(id)
      ? this.questionnaires.filter((q) => q !== id)
      : [...this.questionnaires, id];
    this.page = 0;
  }

  reset(): void {
    this.region = '';
    this.countries = [];
    this.questionnaires = [];
    this.from = '';
    this.to = '';
    this.latestOnly = true;
    this.picked = [];
    this.page = 0;
  }
}

export const selection = new CompareSelection();
