// The built-in gazetteer: reproducible from its sources, well-formed, and holding what the seed article needs.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const ROOT = path.join(__dirname, '..');
const DATA = path.join(ROOT, 'data/builtin');
const lines = (file: string) => readFileSync(path.join(DATA, file), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));

test('places.jsonl is exactly what the build script derives from fixtures/geonames', () => {
  const committed = readFileSync(path.join(DATA, 'places.jsonl'), 'utf8');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-gazetteer.mjs')], { stdio: 'pipe' });
  assert.equal(readFileSync(path.join(DATA, 'places.jsonl'), 'utf8'), committed, 'run node scripts/build-gazetteer.mjs and commit the result');
});

test('every entry has a unique id, a label and Arabic names; files are sorted by id', () => {
  const ids = new Set<string>();
  for (const file of ['places.jsonl', 'actors.jsonl']) {
    const entries = lines(file);
    assert.ok(entries.length > 100, `${file} has ${entries.length} entries`);
    entries.forEach((e, i) => {
      assert.match(e.id, /^[^\s:]+:\S+$/, `${file}:${i + 1} id`);
      assert.ok(!ids.has(e.id), `${file}:${i + 1} duplicate id ${e.id}`);
      ids.add(e.id);
      assert.ok(e.label === 'LOC' || e.label === 'ACTOR', `${file}:${i + 1} label`);
      assert.ok(Array.isArray(e.names) && e.names.length > 0, `${file}:${i + 1} names`);
      for (const n of e.names) assert.match(n, /[\u0600-\u06FF]/, `${file}:${i + 1} name ${n} is Arabic script`);
      if (i > 0) assert.ok(entries[i - 1].id < e.id, `${file}:${i + 1} sorted by id`);
    });
  }
});

test('the entries the seed article needs are there', () => {
  const all = [...lines('places.jsonl'), ...lines('actors.jsonl')];
  const has = (name: string, label: string) => all.some((e) => e.label === label && e.names.includes(name));
  for (const name of ['العراق', 'بغداد', 'ذي قار', 'الديوانية', 'صلاح الدين', 'البطحاء', 'إيران', 'سوريا']) assert.ok(has(name, 'LOC'), name);
  for (const name of ['القوات الأميركية', 'القوات الأمريكية', 'الجيش الأميركي', 'أهل الكهف', 'وزارة الدفاع الأميركية', 'عصائب أهل الحق', 'الحشد الشعبي', 'داعش']) assert.ok(has(name, 'ACTOR'), name);
});

test('Iraqi governorates (19) and districts (over 100), each a GeoNames id, districts named "قضاء X"', () => {
  const places = lines('places.jsonl');
  const governorates = places.filter((p) => p.kind === 'governorate');
  const districts = places.filter((p) => p.kind === 'district');
  assert.equal(governorates.length, 19);
  assert.ok(districts.length > 100, `${districts.length} districts`);
  for (const d of districts) {
    assert.match(d.id, /^geonames:\d+$/);
    assert.ok(d.names.every((n: string) => n.startsWith('قضاء ')), d.id);
    assert.match(d.description, /^district of Iraq: .+ \(.+\)$/);
  }
});

test('no invisible characters (LRM, RLM, zero-width, bidi controls, BOM) anywhere in the built-in data', () => {
  const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/u;
  for (const file of ['places.jsonl', 'actors.jsonl']) {
    const text = readFileSync(path.join(DATA, file), 'utf8');
    text.split('\n').forEach((line, i) => assert.ok(!INVISIBLE.test(line), `${file}:${i + 1} has an invisible character: ${line.slice(0, 80)}`));
  }
});

test('seat towns under their bare names beside their districts, each pointing at its district', () => {
  const places = lines('places.jsonl');
  const byName = (name: string) => places.filter((p) => p.names.includes(name));
  for (const [town, district] of [['الحويجة', 'قضاء الحويجة'], ['تلعفر', 'قضاء تلعفر'], ['داقوق', 'قضاء داقوق'], ['الشرقاط', 'قضاء الشرقاط'], ['خانقين', 'قضاء خانقين']]) {
    const towns = byName(town).filter((p) => p.kind === 'city' || p.kind === 'town');
    assert.equal(towns.length, 1, `${town}: ${JSON.stringify(towns.map((t) => t.id))}`);
    const d = byName(district);
    assert.equal(d.length, 1, district);
    assert.equal(d[0].kind, 'district');
    if (towns[0].seatOf) assert.equal(towns[0].seatOf, d[0].id);
    assert.equal(towns[0].governorate, d[0].governorate, `${town} lies in its district's governorate`);
  }
  // A seat that is also an ordinary word is not offered bare.
  for (const word of ['الدور', 'بلد', 'الحي']) assert.ok(!places.some((p) => p.kind === 'town' && p.names.includes(word)), word);
});

test('natural features and regions, office-holders with terms, bare ministries by country, actors with countries', () => {
  const all = [...lines('places.jsonl'), ...lines('actors.jsonl')];
  const has = (name: string, label: string) => all.filter((e) => e.label === label && e.names.includes(name));
  for (const name of ['حمرين', 'جبال حمرين', 'وادي الشاي', 'الجزيرة', 'صحراء الأنبار', 'دجلة', 'الفرات', 'قطاع غزة', 'أفريقيا']) assert.ok(has(name, 'LOC').length > 0, name);
  const sudani = has('السوداني', 'ACTOR');
  assert.equal(sudani.length, 1);
  assert.deepEqual(sudani[0].valid, { from: '2022-10-27' });
  assert.equal(sudani[0].office, 'Prime Minister of Iraq');
  const ministries = has('وزارة الدفاع', 'ACTOR');
  assert.deepEqual(ministries.map((m) => m.country).sort(), ['IQ', 'TR', 'US']);
  for (const e of lines('actors.jsonl')) {
    if (e.valid) for (const r of [e.valid].flat()) assert.ok(!r.to || !r.from || r.from <= r.to, `${e.id} term`);
    if (e.kind === 'government' || e.kind === 'ministry') assert.match(e.country ?? '', /^[A-Z]{2}$/, `${e.id} has a country`);
  }
  // Population and governorate where GeoNames has them.
  const kirkuk = lines('places.jsonl').find((p) => p.id === 'geonames:94787');
  assert.equal(kirkuk.governorate, 'Kirkuk');
  assert.ok(kirkuk.population > 100000);
});
