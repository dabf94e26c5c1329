// The npm package's TypeScript types, as an editor's code uses them. Checked
// by tests/e2e/types.test.cjs with `tsc --noEmit --strict` against the built
// package (dist/pkg): every line here must type-check, and every line after
// `@ts-expect-error` must not (tsc fails on an expect-error that is not
// needed, so a type that slips back to `any` fails the test).
import init, {
  BlocMap, Timeline, addLanguage, addYears, dateOfDay, dateWords, dayNumber, languageStrings, languages, numerals, version,
} from '../../dist/pkg/blocmap.js';
import type {
  AllianceDiff, AllianceInfo, BlocMapOptions, Digits, LanguageInfo, LegendEntry, Mark, MemberRow, PageStrings, Standing,
  StatusStyle, TimelineEvent, UnitDetails, ViewName,
} from '../../dist/pkg/blocmap.js';

export async function use(el: HTMLElement, packJson: string): Promise<string[]> {
  await init();
  const options: BlocMapOptions = { date: '1999-03-12', view: 'europe' };
  const map = new BlocMap(el, options);
  new BlocMap(el);
  map.setDate('2004-03-29');
  map.setView('arctic');
  map.highlightState('POL');
  const view: ViewName = map.view();
  const date: string = map.date();
  const digits: Digits = 'arab';
  const legend: LegendEntry[] = map.legend('en');
  const count: number = legend[0].count;
  const active: boolean = legend[0].active;
  const styles: StatusStyle[] = map.statusStyles('NATO');
  const diff: AllianceDiff[] = map.compare('1997-01-01', 'en', digits);
  const joined: string[] = diff[0].joined;
  const marks: Mark[] = map.marks('ar', 'arab');
  const rank: 0 | 1 | 2 | 3 = marks[0].rank;
  const details: UnitDetails = map.details('DEU-E', 'en', 'latn');
  const since: string = details.standings[0].sinceWords;
  const members: MemberRow[] = map.members('en', 'latn');
  const summary: string = map.summary('en', 'latn');
  const svg: string = map.exportSvg('en', 'latn', 'Title', '12 March 1999', 'Source');
  const counts: Uint32Array = map.counts();

  const t = Timeline.builtin();
  const nato: string[] = t.membersAt('NATO', '1999-03-12');
  const alliances: AllianceInfo[] = t.alliances();
  const renamed: string | null = alliances[0].renamed;
  const former: string | undefined = alliances[0].formerNames['en'];
  const standings: Standing[] = t.statusAt('POL', '1999-03-12');
  const events: TimelineEvent[] = t.changesBetween('1999-01-01', '1999-12-31');
  const state: string | null = events[0].state;
  const history: TimelineEvent[] = t.history('POL');
  const name: string = t.stateName('DEU', 'en') + t.stateName('DEU', 'en', '1970-01-01');
  const again: Timeline = Timeline.fromJson(t.toJson());

  const langs: LanguageInfo[] = languages();
  const dir: 'ltr' | 'rtl' = langs[0].dir;
  const page: PageStrings = languageStrings('en');
  const title: string = page.title;
  const europe: string = page.views.europe;
  const code: string = addLanguage(packJson);
  const day: number = dayNumber('1999-03-12');
  const words: string = dateWords(dateOfDay(day), 'ar', 'arab') + addYears('2024-02-29', 1) + numerals('32', 'arab') + version();

  // @ts-expect-error: the first argument is an element, not a selector
  new BlocMap('#map', {});
  // @ts-expect-error: a misspelled option
  new BlocMap(el, { dat: '1999-03-12' });
  // @ts-expect-error: a date is text
  map.setDate(19990312);
  // @ts-expect-error: no such view
  map.setView('globe');
  // @ts-expect-error: digits are 'latn' or 'arab'
  map.summary('en', 'roman');
  // @ts-expect-error: exportSvg needs its five texts
  map.exportSvg();
  // @ts-expect-error: fromJson takes the JSON text, not the object
  Timeline.fromJson({ version: 1 });
  // @ts-expect-error: dateOfDay takes a number
  dateOfDay('10297');
  // @ts-expect-error: a legend entry's count is a number, not text
  const countText: string = legend[0].count;
  // @ts-expect-error: a legend entry's active is a boolean, not text
  const activeText: string = legend[0].active;
  // @ts-expect-error: a standing's status is one of the known ones
  const status: 'ally' = details.standings[0].status;
  // @ts-expect-error: the page strings have no such key
  page.titel;
  // @ts-expect-error: an event's state may be null
  const stateCode: string = events[0].state;

  void [view, date, count, styles, joined, rank, since, members, summary, svg, counts, nato, alliances, standings, state,
    history, name, again, dir, title, europe, code, words, countText, status, stateCode, active, activeText];
  return nato;
}
