// Build-time data for the reference page: per-country membership intervals
// for NATO, the CST/CSTO and the Warsaw Pact, derived from data/events.csv the
// way a JS developer would hand-build them. Deliberate simplifications (this is
// a reference for the bench, not a second BlocMap):
// - modern borders only (world-atlas countries-50m, ISO 3166 numeric ids);
// - the Soviet Union is drawn as its 15 successor states, Czechoslovakia as
//   Czechia + Slovakia; East Germany has no shape of its own (Germany is
//   colored by the Federal Republic's NATO membership from 1955); Greenland
//   and the Faroe Islands, separate shapes in world-atlas, follow Denmark;
// - a state is a member from `joined`/`rejoined` until `withdrew`,
//   `ceased_to_exist`, `suspended` or the alliance's `dissolved`; signatories,
//   frozen or inactive standings and statuses are not shown.
// Usage: node members.cjs data/events.csv data/alliances.csv out.json
const fs = require('fs');
const countries = require('i18n-iso-countries');

const ALLIANCES = ['NATO', 'CSTO', 'WARSAW_PACT'];
const SUCCESSORS = {
  SUN: ['ARM', 'AZE', 'BLR', 'EST', 'GEO', 'KAZ', 'KGZ', 'LVA', 'LTU', 'MDA', 'RUS', 'TJK', 'TKM', 'UKR', 'UZB'],
  CSK: ['CZE', 'SVK'],
  DDR: [],
  DNK: ['DNK', 'GRL', 'FRO'],
};
const START = new Set(['joined', 'rejoined']);
const END = new Set(['withdrew', 'ceased_to_exist', 'suspended']);

/** RFC 4180-ish CSV: quoted fields with commas and doubled quotes. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [head, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

const day = (iso) => Math.round(Date.parse(iso + 'T00:00:00Z') / 86400000);

function main([eventsPath, alliancesPath, outPath]) {
  const events = parseCsv(fs.readFileSync(eventsPath, 'utf8'))
    .filter((e) => ALLIANCES.includes(e.alliance))
    .sort((a, b) => a.date.localeCompare(b.date));
  const open = new Map(); // "ALLIANCE STATE" -> interval
  const intervals = [];
  for (const e of events) {
    if (!e.state) {
      if (e.event === 'dissolved') {
        for (const [key, iv] of open) if (key.startsWith(e.alliance + ' ')) { iv.to = day(e.date); open.delete(key); }
      }
      continue;
    }
    const key = e.alliance + ' ' + e.state;
    if (START.has(e.event) && !open.has(key)) {
      const iv = { alliance: e.alliance, state: e.state, from: day(e.date), to: null };
      open.set(key, iv);
      intervals.push(iv);
    } else if (END.has(e.event) && open.has(key)) {
      open.get(key).to = day(e.date);
      open.delete(key);
    }
  }
  const members = {};
  for (const iv of intervals) {
    for (const a3 of SUCCESSORS[iv.state] || [iv.state]) {
      const id = countries.alpha3ToNumeric(a3);
      if (!id) throw new Error(`no ISO numeric code for ${a3}`);
      (members[id] ||= []).push([iv.alliance, iv.from, iv.to]);
    }
  }
  const colors = {};
  for (const a of parseCsv(fs.readFileSync(alliancesPath, 'utf8'))) if (ALLIANCES.includes(a.id)) colors[a.id] = a.color;
  fs.writeFileSync(outPath, JSON.stringify({ colors, members }));
}

main(process.argv.slice(2));
