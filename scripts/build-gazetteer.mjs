#!/usr/bin/env node
// Derives the built-in gazetteer's places (data/builtin/places.jsonl) from the GeoNames files in
// fixtures/geonames: countries with their Arabic names and the short forms news writes, Iraqi governorates,
// districts and towns, and Middle-East places with Arabic-script names. Deterministic: the same inputs give the same bytes.
// The actors (data/builtin/actors.jsonl) are curated by hand and not touched here.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const geo = (f) => path.join(root, 'fixtures/geonames', f);
const read = (f) => (f.endsWith('.gz') ? gunzipSync(readFileSync(geo(f))).toString('utf8') : readFileSync(geo(f), 'utf8'));

const ARABIC = /[\u0600-\u06FF]/;
const NON_ARABIC_LETTERS = /[پچژگکیۆێەڵڕھہۀ۰-۹ۍې]/; // Persian, Kurdish, Urdu letters: fine as variants, not as canonical names
// Town names that are also ordinary words in news Arabic: never offered on their own.
const COMMON_WORDS = new Set(['المدينة', 'مدينة', 'الحي', 'بلد', 'خالص', 'عنة', 'عنه', 'القاسم', 'الشامية', 'الحرة', 'حي', 'المركز', 'السلام', 'النصر', 'الوحدة', 'الجديدة', 'القرية', 'النور', 'الأمل', 'الرحمة', 'الخير', 'الفتح', 'الحرية', 'الثورة', 'العروبة', 'الرشيد', 'الإسكندرية']);
const letters = (s) => s.replace(/[^\p{L}]/gu, '').length;

// ---- countries ---------------------------------------------------------------------------------------------
const countryInfo = read('countryInfo.tsv').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
const translations = JSON.parse(read('country_translations.json.gz'));
// The short forms Arabic news writes, by ISO code (the official long forms come from GeoNames).
const SHORT = {
  IQ: ['العراق'], SY: ['سوريا', 'سورية'], IR: ['إيران'], TR: ['تركيا'], SA: ['السعودية'], KW: ['الكويت'], JO: ['الأردن'],
  LB: ['لبنان'], EG: ['مصر'], YE: ['اليمن'], AE: ['الإمارات'], QA: ['قطر'], BH: ['البحرين'], OM: ['سلطنة عمان', 'عُمان'],
  PS: ['فلسطين'], IL: ['إسرائيل'], US: ['الولايات المتحدة', 'أميركا', 'أمريكا', 'واشنطن'], GB: ['بريطانيا', 'المملكة المتحدة'],
  RU: ['روسيا'], CN: ['الصين'], FR: ['فرنسا'], DE: ['ألمانيا'], IT: ['إيطاليا'], ES: ['إسبانيا'], AF: ['أفغانستان'],
  PK: ['باكستان'], IN: ['الهند'], JP: ['اليابان'], LY: ['ليبيا'], TN: ['تونس'], DZ: ['الجزائر'], MA: ['المغرب'],
  SD: ['السودان'], SO: ['الصومال'], AZ: ['أذربيجان'], AM: ['أرمينيا'], GE: ['جورجيا'], UA: ['أوكرانيا'], CA: ['كندا'],
  AU: ['أستراليا'], NL: ['هولندا'], BE: ['بلجيكا'], SE: ['السويد'], NO: ['النرويج'], DK: ['الدنمارك'], GR: ['اليونان'],
  CY: ['قبرص'], KR: ['كوريا الجنوبية'], KP: ['كوريا الشمالية'], VA: ['الفاتيكان'],
};
const STRIP_PREFIX = /^(?:جمهورية|الجمهورية|المملكة|مملكة|دولة|إمارة|الإمارة|سلطنة|اتحاد)\s+/;

const places = [];
for (const f of countryInfo) {
  const [iso, , , , name, , , , , , , , , , , , geonameid] = f;
  if (!geonameid) continue;
  const arName = translations[geonameid]?.ar;
  // A few 'ar' entries are Latin transliterations (‘Umān): only Arabic script is a name here.
  const ar = arName && ARABIC.test(arName) && !/[A-Za-z]/.test(arName) ? arName : undefined;
  const names = [...(SHORT[iso] ?? []), ...(ar ? [ar] : [])];
  if (ar && !SHORT[iso]) {
    const stripped = ar.replace(STRIP_PREFIX, '');
    if (stripped !== ar && letters(stripped) >= 3) names.unshift(stripped);
  }
  if (names.length === 0) continue;
  places.push({ id: `geonames:${geonameid}`, label: 'LOC', names, description: `country: ${name}`, kind: 'country', country: iso, source: 'geonames' });
}

// ---- Iraqi governorates (GeoNames admin1 ids; Arabic names curated) ----------------------------------------
const admin1 = new Map(read('admin1CodesASCII.txt').split('\n').filter(Boolean).map((l) => l.split('\t')).map((f) => [f[0], f]));
// Only the names themselves: "محافظة ذي قار" is the governorate's name after a descriptor, and the entity is
// the name (longest match would otherwise swallow the descriptor).
const GOVERNORATES = {
  'IQ.01': ['الأنبار'], 'IQ.02': ['البصرة'], 'IQ.03': ['المثنى'], 'IQ.04': ['القادسية'], 'IQ.05': ['السليمانية'],
  'IQ.06': ['بابل'], 'IQ.07': ['بغداد'], 'IQ.08': ['دهوك'], 'IQ.09': ['ذي قار', 'ذيقار'], 'IQ.10': ['ديالى'],
  'IQ.11': ['أربيل'], 'IQ.12': ['كربلاء'], 'IQ.13': ['كركوك'], 'IQ.14': ['ميسان'], 'IQ.15': ['نينوى'], 'IQ.16': ['واسط'],
  'IQ.17': ['النجف'], 'IQ.18': ['صلاح الدين'], 'IQ.19': ['حلبجة'],
};
for (const [code, names] of Object.entries(GOVERNORATES)) {
  const row = admin1.get(code);
  if (!row) throw new Error(`admin1 ${code} missing from admin1CodesASCII.txt`);
  places.push({ id: `geonames:${row[3]}`, label: 'LOC', names, description: `governorate of Iraq: ${row[2]}`, kind: 'governorate', country: 'IQ', source: 'geonames' });
}
// ---- Iraqi districts (qada'; GeoNames admin2 ids, Arabic names curated) -------------------------------------
// A district is named after its seat town, which is a place of its own (from cities15000 or the towns below), so
// a bare name is the town; news names the district as "قضاء X", and that is the district's name here. GeoNames
// lists a few districts twice (Abu Ghraib, Choman, Soran, Mergasur, Adhamiyah): one id each is kept. Districts whose
// Arabic spelling could not be settled (Mergasur, Dashti Hawler) and the "Baghdad" admin2 are left out.
const admin2 = new Map(read('admin2Codes_IQ.txt').split('\n').filter(Boolean).map((l) => l.split('\t')).map((f) => [f[3], f]));
const DISTRICTS = {
  // Anbar
  6765480: ['حديثة'], 9166576: ['القائم'], 9166579: ['هيت'], 9166650: ['راوة'], 98678: ['الرطبة'], 98718: ['الرمادي'],
  98884: ['عنة'], 99455: ['الفلوجة'],
  // Basra
  100049: ['أبي الخصيب', 'أبو الخصيب'], 9166549: ['الفاو'], 9166563: ['المدينة'], 98247: ['الزبير'], 98994: ['القرنة'],
  99534: ['البصرة'],
  // Muthanna
  9166568: ['الرميثة'], 9166626: ['الخضر'], 98532: ['السماوة'], 98534: ['السلمان'],
  // Qadisiyah
  6850588: ['الحمزة'], 98634: ['الشامية'], 99737: ['عفك'], 99763: ['الديوانية'],
  // Sulaymaniyah
  91176: ['شاربازير'], 9166594: ['دربندخان'], 9166596: ['دوكان'], 9166600: ['كلار'], 9166684: ['بنجوين'], 92051: ['رانية'],
  92743: ['بشدر'], 96204: ['حلبجة'], 97416: ['جمجمال'], 98464: ['السليمانية'], 9873303: ['شهرزور'], 9877732: ['قرداغ'],
  9877795: ['سيد صادق'], 9877798: ['ماوت'],
  // Babil
  6818313: ['المحاويل'], 99040: ['المسيب'], 99348: ['الحلة'], 99358: ['الهاشمية'],
  // Baghdad
  9166542: ['أبو غريب', 'أبي غريب'], 9166545: ['الكرخ'], 9166561: ['الصدر'], 9166564: ['التاجي'], 9166569: ['الطارمية'],
  9166668: ['الرصافة'], 9167771: ['الثورة'], 9179819: ['المدائن'], 9873561: ['الأعظمية'], 99101: ['المحمودية'],
  99173: ['الكاظمية'],
  // Dohuk
  89569: ['زاخو'], 9166607: ['سميل'], 97269: ['دهوك'],
  // Dhi Qar
  90509: ['سوق الشيوخ'], 98623: ['الشطرة'], 98700: ['الرفاعي'], 98855: ['الناصرية'], 99185: ['الجبايش'],
  // Diyala
  9166680: ['بلدروز'], 94296: ['كفري'], 94590: ['خانقين'], 97988: ['بعقوبة'], 99063: ['المقدادية'], 99170: ['الخالص'],
  // Erbil
  9166586: ['جومان'], 9166588: ['كويسنجق', 'كويه'], 9166591: ['شقلاوة'], 9166592: ['سوران'], 93817: ['مخمور'], 95444: ['أربيل'],
  9874070: ['خبات'], 9878719: ['راوندوز'],
  // Karbala
  9166603: ['عين التمر'], 94822: ['كربلاء'], 99345: ['الهندية'],
  // Kirkuk
  6770659: ['الحويجة'], 9166581: ['داقوق'], 9171727: ['الدبس'], 94786: ['كركوك'],
  // Maysan
  9166557: ['الكحلاء'], 9166562: ['الميمونة'], 92536: ['قلعة صالح'], 99097: ['المجر الكبير'], 99305: ['علي الغربي'], 99610: ['العمارة'],
  // Nineveh
  90392: ['تلعفر', 'تل عفر'], 9166541: ['الحمدانية'], 9166608: ['البعاج'], 9166618: ['تلكيف'], 9166620: ['سنجار'], 9166649: ['الموصل'],
  98612: ['الشيخان'], 98820: ['عقرة'], 99414: ['الحضر'],
  // Wasit
  9166606: ['النعمانية'], 9166961: ['العزيزية'], 98197: ['بدرة'], 98460: ['الصويرة'], 99132: ['الكوت'], 99351: ['الحي'],
  // Najaf
  9166552: ['المناذرة'], 9166629: ['الكوفة'], 98861: ['النجف'],
  // Salah al-Din
  6783103: ['الدور'], 6804454: ['الشرقاط'], 6805736: ['بلد'], 6872046: ['بيجي'], 90148: ['تكريت'], 91594: ['سامراء'],
  9166598: ['طوز خورماتو', 'الطوز'], 9166616: ['الفارس'], 9167093: ['الثرثار'],
};
for (const [id, names] of Object.entries(DISTRICTS)) {
  const row = admin2.get(id);
  if (!row) throw new Error(`admin2 ${id} missing from admin2Codes_IQ.txt`);
  const governorate = admin1.get(row[0].split('.').slice(0, 2).join('.'))?.[2] ?? '';
  const english = row[2].replace(/^(?:Qada'?|Qeza-i) /, '').replace(/ [Dd]istrict$/, '');
  places.push({ id: `geonames:${id}`, label: 'LOC', names: names.map((n) => `قضاء ${n}`), description: `district of Iraq: ${english} (${governorate})`, kind: 'district', country: 'IQ', source: 'geonames' });
}

// Kurdistan Region and other regions news names as places.
places.push({ id: 'hashiya:place/kurdistan-region', label: 'LOC', names: ['إقليم كردستان', 'إقليم كردستان العراق', 'كردستان العراق', 'كردستان'], description: 'Kurdistan Region of Iraq', kind: 'region', country: 'IQ', source: 'hashiya' });

// Towns and districts that news names but cities15000 lacks (ids of this project; no coordinates claimed).
const TOWNS = [
  ['al-batha', ['البطحاء'], 'town (nahiya) in Dhi Qar governorate, Iraq'],
  ['suq-al-shuyukh', ['سوق الشيوخ'], 'district in Dhi Qar governorate, Iraq'],
  ['al-rifai', ['الرفاعي'], 'district in Dhi Qar governorate, Iraq'],
  ['qalat-sukkar', ['قلعة سكر'], 'town in Dhi Qar governorate, Iraq'],
  ['al-islah', ['ناحية الإصلاح'], 'town in Dhi Qar governorate, Iraq'],
  ['jurf-al-sakhar', ['جرف الصخر', 'جرف النصر'], 'town in Babil governorate, Iraq'],
  ['tarmiyah', ['الطارمية'], 'district north of Baghdad, Iraq'],
  ['al-taji', ['التاجي', 'معسكر التاجي'], 'town and military base north of Baghdad, Iraq'],
  ['green-zone', ['المنطقة الخضراء'], 'International Zone of Baghdad, Iraq'],
  ['baghdad-airport', ['مطار بغداد', 'مطار بغداد الدولي'], 'Baghdad International Airport, Iraq'],
  ['erbil-airport', ['مطار أربيل', 'مطار أربيل الدولي'], 'Erbil International Airport, Iraq'],
  ['ain-al-asad', ['قاعدة عين الأسد', 'عين الأسد'], 'Ain al-Asad air base, Anbar, Iraq'],
  ['balad-base', ['قاعدة بلد', 'قاعدة بلد الجوية'], 'Balad air base, Salah al-Din, Iraq'],
  ['victory-base', ['قاعدة فكتوريا', 'معسكر فكتوري'], 'Victory base complex near Baghdad airport, Iraq'],
  ['harir-base', ['قاعدة حرير'], 'Harir air base, Erbil governorate, Iraq'],
  ['albu-kamal', ['البوكمال'], 'town on the Iraqi border, Deir ez-Zor, Syria'],
  ['sinjar', ['سنجار', 'جبل سنجار'], 'district in Nineveh governorate, Iraq'],
  ['tuz-khurmatu', ['طوز خورماتو'], 'town in Salah al-Din governorate, Iraq'],
  ['jurf-balad', ['الضلوعية'], 'town in Salah al-Din governorate, Iraq'],
  ['al-abbasiya', ['العباسية'], 'town in Najaf governorate, Iraq'],
  ['tarmiya', ['الراشدية'], 'area north of Baghdad, Iraq'],
  ['safwan', ['سفوان'], 'border town in Basra governorate, Iraq'],
  ['umm-qasr-port', ['ميناء أم قصر'], 'port of Umm Qasr, Basra, Iraq'],
];
for (const [slug, names, description] of TOWNS) {
  places.push({ id: `hashiya:place/${slug}`, label: 'LOC', names, description, kind: 'town', country: 'IQ', source: 'hashiya' });
}

// ---- Middle-East cities with Arabic-script names -----------------------------------------------------------
const FEATURES = { PPLC: 'capital', PPLA: 'provincial capital', PPLA2: 'district seat', PPLA3: 'sub-district seat', PPL: 'town', PPLX: 'city section', PPLL: 'locality' };
const seen = new Set(places.map((p) => p.id));
const rows = [...read('cities15000_IQ.txt').split('\n'), ...read('cities15000_MiddleEast.txt').split('\n')].filter(Boolean).map((l) => l.split('\t'));
for (const f of rows) {
  const [id, name, , alternates, lat, lon, , code, country, , a1] = f;
  if (seen.has(`geonames:${id}`)) continue;
  let names = [...new Set((alternates ?? '').split(',').map((n) => n.trim()).filter((n) => ARABIC.test(n) && !/[A-Za-z]/.test(n)))];
  names = names.filter((n) => letters(n) >= 3 && !COMMON_WORDS.has(n) && !/^(?:قضاء|ناحية|محافظة|مدينة|مركز قضاء|مركز ناحية|بلدة)\s/.test(n));
  if (names.length === 0) continue;
  // Canonical: an Arabic (not Persian/Kurdish) spelling, preferring the one with the article if both exist.
  names.sort((x, y) => Number(NON_ARABIC_LETTERS.test(x)) - Number(NON_ARABIC_LETTERS.test(y)) || Number(!x.startsWith('ال')) - Number(!y.startsWith('ال')) || (x < y ? -1 : x > y ? 1 : 0));
  const region = admin1.get(`${country}.${a1}`)?.[2];
  const where = [region, country].filter(Boolean).join(', ');
  places.push({
    id: `geonames:${id}`, label: 'LOC', names,
    description: `${FEATURES[code] ?? code} ${name}, ${where} — ${Number(lat).toFixed(2)}, ${Number(lon).toFixed(2)}`,
    kind: 'city', country, lat: Number(Number(lat).toFixed(4)), lon: Number(Number(lon).toFixed(4)), source: 'geonames',
  });
  seen.add(`geonames:${id}`);
}

places.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const out = places.map((p) => JSON.stringify(p)).join('\n') + '\n';
writeFileSync(path.join(root, 'data/builtin/places.jsonl'), out);
console.log(`data/builtin/places.jsonl: ${places.length} places, ${places.reduce((n, p) => n + p.names.length, 0)} names, ${out.length} characters`);
