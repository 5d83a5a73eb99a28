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
// Compared after folding the spellings the matcher folds (hamza on alef, final ya and ta marbuta, diacritics), so
// that one entry covers مدينة / مدينه and الأم / الام. The second line: alternate names in cities15000 that are
// ordinary words far more often than places in news (checked against NewsFANE and Wojood: وقف, سنة, بيان, …).
const fold = (s) => s.normalize('NFC').replace(/[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, '').replace(/[أإآٱ]/g, 'ا').replace(/[ىیېئ]/g, 'ي').replace(/ؤ/g, 'و').replace(/[ةەھہۀ]/g, 'ه').replace(/ک/g, 'ك');
const COMMON_WORDS = new Set([
  'المدينة', 'مدينة', 'الحي', 'بلد', 'خالص', 'عنة', 'عنه', 'القاسم', 'الشامية', 'الحرة', 'حي', 'المركز', 'السلام', 'النصر', 'الوحدة', 'الجديدة', 'القرية', 'النور', 'الأمل', 'الرحمة', 'الخير', 'الفتح', 'الحرية', 'الثورة', 'العروبة', 'الرشيد', 'الإسكندرية',
  'وقف', 'سنة', 'لاد', 'بيان', 'أمل', 'المالي', 'ثورة', 'الأم', 'صور', 'الصور', 'أشرف', 'الأشهر', 'عالية', 'نور', 'الوجه', 'جاسم', 'السد', 'الخبراء', 'الساحل', 'إبادة', 'الكردي', 'الخور', 'بورصة', 'عقبة', 'الشهداء', 'آدم', 'قوم', 'وان', 'حجة', 'العبور', 'رماح', 'الطرف', 'البيضاء', 'الطيبة', 'قنا', 'جيزة', 'الخضراء',
  'الجديد', 'أطار', 'الحد', 'الخميس', 'جامعة', 'سلطات', 'الدور', 'بشار', 'جمال', 'ميدان', 'الخمس', 'الزاوية', 'العلم', 'العظيم', 'كيف', 'هوية', 'وادي', 'ريم', 'وين', 'سنه', 'مدينه', 'الجديده',
  // Seats of districts whose bare name is mostly something else in news: الصدر (the cleric), الخضر, الفارس, الثرثار (the lake).
  'الصدر', 'الخضر', 'الفارس', 'الثرثار',
].map(fold));
const isCommonWord = (n) => COMMON_WORDS.has(fold(n));
const letters = (s) => s.replace(/[^\p{L}]/gu, '').length;
// Invisible marks (LRM, RLM, zero-width, bidi embeddings) that some GeoNames alternate names carry: never part of a name.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const clean = (n) => n.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
const withPopulation = (description, population) => (population > 0 ? `${description}, population ${population.toLocaleString('en-US')}` : description);

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
// Display names of the Iraqi governorates (GeoNames' admin1 names carry diacritics and "Muhafazat").
const GOVERNORATE_ENGLISH = {
  'IQ.01': 'Anbar', 'IQ.02': 'Basra', 'IQ.03': 'Muthanna', 'IQ.04': 'Qadisiyah', 'IQ.05': 'Sulaymaniyah', 'IQ.06': 'Babil',
  'IQ.07': 'Baghdad', 'IQ.08': 'Duhok', 'IQ.09': 'Dhi Qar', 'IQ.10': 'Diyala', 'IQ.11': 'Erbil', 'IQ.12': 'Karbala',
  'IQ.13': 'Kirkuk', 'IQ.14': 'Maysan', 'IQ.15': 'Nineveh', 'IQ.16': 'Wasit', 'IQ.17': 'Najaf', 'IQ.18': 'Salah al-Din', 'IQ.19': 'Halabja',
};
const GOVERNORATES = {
  'IQ.01': ['الأنبار'], 'IQ.02': ['البصرة'], 'IQ.03': ['المثنى'], 'IQ.04': ['القادسية'], 'IQ.05': ['السليمانية'],
  'IQ.06': ['بابل'], 'IQ.07': ['بغداد'], 'IQ.08': ['دهوك'], 'IQ.09': ['ذي قار', 'ذيقار'], 'IQ.10': ['ديالى'],
  'IQ.11': ['أربيل'], 'IQ.12': ['كربلاء'], 'IQ.13': ['كركوك'], 'IQ.14': ['ميسان'], 'IQ.15': ['نينوى'], 'IQ.16': ['واسط'],
  'IQ.17': ['النجف'], 'IQ.18': ['صلاح الدين'], 'IQ.19': ['حلبجة'],
};
for (const [code, names] of Object.entries(GOVERNORATES)) {
  const row = admin1.get(code);
  if (!row) throw new Error(`admin1 ${code} missing from admin1CodesASCII.txt`);
  places.push({ id: `geonames:${row[3]}`, label: 'LOC', names, description: `governorate of Iraq: ${row[2]}`, kind: 'governorate', country: 'IQ', governorate: GOVERNORATE_ENGLISH[code], source: 'geonames' });
}
// ---- Iraqi districts (qada'; GeoNames admin2 ids, Arabic names curated) -------------------------------------
// A district is named after its seat town, which is a place of its own (from cities15000 or the towns below), so
// a bare name is the town; news names the district as "قضاء X", and that is the district's name here. GeoNames
// lists a few districts twice (Abu Ghraib, Choman, Soran, Mergasur, Adhamiyah): one id each is kept. Districts whose
// Arabic spelling could not be settled (Mergasur, Dashti Hawler) and the "Baghdad" admin2 are left out.
const districtSeats = [];
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
  const code = row[0].split('.').slice(0, 2).join('.');
  const governorate = admin1.get(code)?.[2] ?? '';
  const english = row[2].replace(/^(?:Qada'?|Qeza-i) /, '').replace(/ [Dd]istrict$/, '');
  places.push({ id: `geonames:${id}`, label: 'LOC', names: names.map((n) => `قضاء ${n}`), description: `district of Iraq: ${english} (${governorate})`, kind: 'district', country: 'IQ', governorate: GOVERNORATE_ENGLISH[code], source: 'geonames' });
  districtSeats.push({ district: `geonames:${id}`, names, governorate: GOVERNORATE_ENGLISH[code], english });
}

// Kurdistan Region and other regions news names as places.
places.push({ id: 'hashiya:place/kurdistan-region', label: 'LOC', names: ['إقليم كردستان', 'إقليم كردستان العراق', 'كردستان العراق', 'كردستان'], description: 'Kurdistan Region of Iraq', kind: 'region', country: 'IQ', source: 'hashiya' });

// Towns and districts that news names but cities15000 lacks (ids of this project; no coordinates claimed), with
// the governorate they lie in (admin1 code).
const TOWNS = [
  ['al-batha', ['البطحاء'], 'town (nahiya) in Dhi Qar governorate, Iraq', 'IQ.09'],
  ['suq-al-shuyukh', ['سوق الشيوخ'], 'district in Dhi Qar governorate, Iraq', 'IQ.09'],
  ['al-rifai', ['الرفاعي'], 'district in Dhi Qar governorate, Iraq', 'IQ.09'],
  ['qalat-sukkar', ['قلعة سكر'], 'town in Dhi Qar governorate, Iraq', 'IQ.09'],
  ['al-islah', ['ناحية الإصلاح'], 'town in Dhi Qar governorate, Iraq', 'IQ.09'],
  ['jurf-al-sakhar', ['جرف الصخر', 'جرف النصر'], 'town in Babil governorate, Iraq', 'IQ.06'],
  ['tarmiyah', ['الطارمية'], 'district north of Baghdad, Iraq', 'IQ.07'],
  ['al-taji', ['التاجي', 'معسكر التاجي'], 'town and military base north of Baghdad, Iraq', 'IQ.07'],
  ['green-zone', ['المنطقة الخضراء'], 'International Zone of Baghdad, Iraq', 'IQ.07'],
  ['baghdad-airport', ['مطار بغداد', 'مطار بغداد الدولي'], 'Baghdad International Airport, Iraq', 'IQ.07'],
  ['erbil-airport', ['مطار أربيل', 'مطار أربيل الدولي'], 'Erbil International Airport, Iraq', 'IQ.11'],
  ['ain-al-asad', ['قاعدة عين الأسد', 'عين الأسد'], 'Ain al-Asad air base, Anbar, Iraq', 'IQ.01'],
  ['balad-base', ['قاعدة بلد', 'قاعدة بلد الجوية'], 'Balad air base, Salah al-Din, Iraq', 'IQ.18'],
  ['victory-base', ['قاعدة فكتوريا', 'معسكر فكتوري'], 'Victory base complex near Baghdad airport, Iraq', 'IQ.07'],
  ['harir-base', ['قاعدة حرير'], 'Harir air base, Erbil governorate, Iraq', 'IQ.11'],

  ['tuz-khurmatu', ['طوز خورماتو'], 'town in Salah al-Din governorate, Iraq', 'IQ.18'],
  ['jurf-balad', ['الضلوعية'], 'town in Salah al-Din governorate, Iraq', 'IQ.18'],
  ['al-abbasiya', ['العباسية'], 'town in Najaf governorate, Iraq', 'IQ.17'],
  ['tarmiya', ['الراشدية'], 'area north of Baghdad, Iraq', 'IQ.07'],
  ['safwan', ['سفوان'], 'border town in Basra governorate, Iraq', 'IQ.02'],
  ['umm-qasr-port', ['ميناء أم قصر'], 'port of Umm Qasr, Basra, Iraq', 'IQ.02'],
  // Sub-district towns that Iraqi security news names often.
  ['jalawla', ['جلولاء'], 'town (nahiya) in Diyala governorate, Iraq', 'IQ.10'],
  ['al-saadiya', ['السعدية'], 'town (nahiya) in Diyala governorate, Iraq', 'IQ.10'],
  ['al-adhaim', ['ناحية العظيم'], 'town (nahiya) in Diyala governorate, Iraq', 'IQ.10'],
  ['qara-tapa', ['قره تبه', 'قرة تبة'], 'town (nahiya) in Diyala governorate, Iraq', 'IQ.10'],
  ['al-garma', ['الكرمة'], 'town (nahiya) in Anbar governorate, Iraq', 'IQ.01'],
  ['saqlawiyah', ['الصقلاوية'], 'town (nahiya) in Anbar governorate, Iraq', 'IQ.01'],
  ['amiriyat-al-fallujah', ['عامرية الفلوجة', 'العامرية'], 'town (nahiya) in Anbar governorate, Iraq', 'IQ.01'],
  ['al-habbaniyah', ['الحبانية'], 'town and air base in Anbar governorate, Iraq', 'IQ.01'],
  ['al-khalidiya', ['الخالدية'], 'town (nahiya) in Anbar governorate, Iraq', 'IQ.01'],
  ['al-nukhayb', ['النخيب'], 'town in Anbar governorate, Iraq', 'IQ.01'],
  ['al-baghdadi', ['البغدادي'], 'town (nahiya) in Anbar governorate, Iraq', 'IQ.01'],
  ['al-awja', ['العوجة'], 'village near Tikrit, Salah al-Din governorate, Iraq', 'IQ.18'],
  ['al-alam', ['ناحية العلم'], 'town (nahiya) in Salah al-Din governorate, Iraq', 'IQ.18'],
  ['al-muatasim', ['المعتصم'], 'town (nahiya) near Samarra, Salah al-Din governorate, Iraq', 'IQ.18'],
  ['amerli', ['آمرلي'], 'town (nahiya) in Salah al-Din governorate, Iraq', 'IQ.18'],
  ['al-riyadh-kirkuk', ['ناحية الرياض'], 'town (nahiya) in Kirkuk governorate, Iraq', 'IQ.13'],
  ['al-zab', ['ناحية الزاب'], 'town (nahiya) in Kirkuk governorate, Iraq', 'IQ.13'],
  ['al-rashad', ['ناحية الرشاد'], 'town (nahiya) in Kirkuk governorate, Iraq', 'IQ.13'],
  ['al-abbasi', ['العباسي'], 'town (nahiya) in Kirkuk governorate, Iraq', 'IQ.13'],
  ['al-qayyarah', ['القيارة'], 'town (nahiya) in Nineveh governorate, Iraq', 'IQ.15'],
  ['hammam-al-alil', ['حمام العليل'], 'town (nahiya) in Nineveh governorate, Iraq', 'IQ.15'],
  ['bartella', ['برطلة'], 'town in Nineveh governorate, Iraq', 'IQ.15'],
  ['qaraqosh', ['قره قوش', 'بغديدا'], 'town, seat of al-Hamdaniya district, Nineveh governorate, Iraq', 'IQ.15'],
  ['al-yusufiyah', ['اليوسفية'], 'town (nahiya) south of Baghdad, Iraq', 'IQ.07'],
  ['al-latifiyah', ['اللطيفية'], 'town (nahiya) south of Baghdad, Iraq', 'IQ.07'],
  ['al-mushahada', ['المشاهدة'], 'town (nahiya) north of Baghdad, Iraq', 'IQ.07'],
  ['jurf-al-milh', ['جرف الملح'], 'area in Salah al-Din governorate, Iraq', 'IQ.18'],
];
// Natural features and regions that Iraqi and regional news names (ids of this project; no coordinates claimed).
const FEATURES_AND_REGIONS = [
  ['hamrin-mountains', ['حمرين', 'جبال حمرين', 'سلسلة جبال حمرين', 'جبل حمرين'], 'feature', 'Hamrin mountains, from Diyala to Salah al-Din and Kirkuk, Iraq', 'IQ', 'IQ.10'],
  ['hamrin-lake', ['بحيرة حمرين', 'سد حمرين'], 'feature', 'Lake and dam of Hamrin, Diyala governorate, Iraq', 'IQ', 'IQ.10'],
  // The id once named the town as well; the town is geonames:448149 and the district geonames:9166620.
  ['sinjar', ['جبل سنجار', 'جبال سنجار'], 'feature', 'Mount Sinjar, Nineveh governorate, Iraq', 'IQ', 'IQ.15'],
  ['wadi-al-shay', ['وادي الشاي'], 'feature', 'Wadi al-Shay, valley south of Kirkuk, Iraq', 'IQ', 'IQ.13'],
  ['al-jazira-desert', ['صحراء الجزيرة', 'بادية الجزيرة', 'منطقة الجزيرة', 'الجزيرة'], 'region', 'al-Jazira desert between the Tigris and the Euphrates (Anbar, Salah al-Din, Nineveh), Iraq', 'IQ', undefined],
  ['wadi-horan', ['وادي حوران'], 'feature', 'Wadi Horan, valley in western Anbar, Iraq', 'IQ', 'IQ.01'],
  ['anbar-desert', ['صحراء الأنبار', 'بادية الأنبار'], 'region', 'Desert of Anbar, western Iraq', 'IQ', 'IQ.01'],
  ['samawah-desert', ['بادية السماوة'], 'region', 'Desert of Samawah, southern Iraq', 'IQ', 'IQ.03'],
  ['makhmour-mountain', ['جبل مكحول'], 'feature', 'Makhul mountain, Salah al-Din governorate, Iraq', 'IQ', 'IQ.18'],
  ['qarachogh-mountain', ['جبل قره جوغ', 'جبل قرجوخ', 'قره جوخ'], 'feature', 'Qarachogh mountain near Makhmur, Iraq', 'IQ', 'IQ.11'],
  ['qandil-mountains', ['جبال قنديل', 'جبل قنديل', 'قنديل'], 'feature', 'Qandil mountains on the Iraq–Iran border', 'IQ', undefined],
  ['nineveh-plains', ['سهل نينوى'], 'region', 'Nineveh Plains, Iraq', 'IQ', 'IQ.15'],
  ['tharthar-lake', ['بحيرة الثرثار'], 'feature', 'Lake Tharthar, Iraq', 'IQ', 'IQ.18'],
  ['habbaniyah-lake', ['بحيرة الحبانية'], 'feature', 'Lake Habbaniyah, Anbar, Iraq', 'IQ', 'IQ.01'],
  ['razzaza-lake', ['بحيرة الرزازة'], 'feature', 'Lake Razzaza, Karbala and Anbar, Iraq', 'IQ', 'IQ.12'],
  ['mesopotamian-marshes', ['الأهوار', 'أهوار العراق', 'أهوار الجنوب'], 'region', 'Mesopotamian marshes, southern Iraq', 'IQ', undefined],
  ['samarra-island', ['جزيرة سامراء'], 'region', 'Samarra island (desert west of Samarra), Iraq', 'IQ', 'IQ.18'],
  ['mutaibija', ['مطيبيجة'], 'region', 'Mutaibija, area between Salah al-Din and Diyala, Iraq', 'IQ', 'IQ.18'],
  ['baghdad-belt', ['حزام بغداد'], 'region', 'Baghdad belt, the rural areas around Baghdad, Iraq', 'IQ', 'IQ.07'],
  ['mosul-dam', ['سد الموصل'], 'feature', 'Mosul dam, Nineveh governorate, Iraq', 'IQ', 'IQ.15'],
  ['haditha-dam', ['سد حديثة'], 'feature', 'Haditha dam, Anbar governorate, Iraq', 'IQ', 'IQ.01'],
  ['dukan-lake', ['بحيرة دوكان', 'سد دوكان'], 'feature', 'Lake and dam of Dukan, Sulaymaniyah governorate, Iraq', 'IQ', 'IQ.05'],
  ['great-zab', ['الزاب الكبير', 'نهر الزاب'], 'feature', 'Great Zab river, Iraq', 'IQ', undefined],
  ['tigris', ['نهر دجلة', 'دجلة'], 'feature', 'Tigris river', 'IQ', undefined],
  ['euphrates', ['نهر الفرات', 'الفرات'], 'feature', 'Euphrates river', 'IQ', undefined],
  ['shatt-al-arab', ['شط العرب'], 'feature', 'Shatt al-Arab, Basra, Iraq', 'IQ', 'IQ.02'],
  ['diyala-river', ['نهر ديالى'], 'feature', 'Diyala river, Iraq', 'IQ', 'IQ.10'],
  ['arabian-gulf', ['الخليج العربي', 'الخليج الفارسي'], 'feature', 'Persian (Arabian) Gulf', undefined, undefined],
  ['red-sea', ['البحر الأحمر'], 'feature', 'Red Sea', undefined, undefined],
  ['mediterranean', ['البحر المتوسط', 'البحر الأبيض المتوسط'], 'feature', 'Mediterranean Sea', undefined, undefined],
  ['indian-ocean', ['المحيط الهندي'], 'feature', 'Indian Ocean', undefined, undefined],
  ['atlantic-ocean', ['المحيط الأطلسي', 'المحيط الاطلنطي'], 'feature', 'Atlantic Ocean', undefined, undefined],
  ['pacific-ocean', ['المحيط الهادئ', 'المحيط الهادي'], 'feature', 'Pacific Ocean', undefined, undefined],
  ['caspian-sea', ['بحر قزوين'], 'feature', 'Caspian Sea', undefined, undefined],
  ['nile', ['نهر النيل', 'النيل'], 'feature', 'Nile river', undefined, undefined],
  ['arabian-peninsula', ['الجزيرة العربية', 'شبه الجزيرة العربية'], 'region', 'Arabian Peninsula', undefined, undefined],
  ['middle-east', ['الشرق الأوسط'], 'region', 'Middle East', undefined, undefined],
  ['levant', ['بلاد الشام'], 'region', 'the Levant', undefined, undefined],
  ['mesopotamia', ['بلاد الرافدين', 'بلاد ما بين النهرين'], 'region', 'Mesopotamia', undefined, undefined],
  ['gaza-strip', ['قطاع غزة'], 'region', 'Gaza Strip, Palestine', 'PS', undefined],
  ['west-bank', ['الضفة الغربية'], 'region', 'West Bank, Palestine', 'PS', undefined],
  ['golan', ['الجولان', 'هضبة الجولان', 'مرتفعات الجولان'], 'region', 'Golan Heights', 'SY', undefined],
  ['sinai', ['سيناء', 'شبه جزيرة سيناء'], 'region', 'Sinai peninsula, Egypt', 'EG', undefined],
  ['beqaa', ['البقاع', 'سهل البقاع'], 'region', 'Beqaa valley, Lebanon', 'LB', undefined],
  ['darfur', ['دارفور'], 'region', 'Darfur, Sudan', 'SD', undefined],
  ['hejaz', ['الحجاز'], 'region', 'Hejaz, Saudi Arabia', 'SA', undefined],
  ['andalusia', ['الأندلس'], 'region', 'al-Andalus / Andalusia', undefined, undefined],
  ['africa', ['أفريقيا', 'إفريقيا', 'القارة الأفريقية', 'القارة السمراء'], 'continent', 'Africa', undefined, undefined],
  ['europe', ['أوروبا', 'أوربا', 'القارة الأوروبية'], 'continent', 'Europe', undefined, undefined],
  ['asia', ['آسيا', 'القارة الآسيوية'], 'continent', 'Asia', undefined, undefined],
  ['north-america', ['أمريكا الشمالية', 'أميركا الشمالية'], 'continent', 'North America', undefined, undefined],
  ['south-america', ['أمريكا الجنوبية', 'أميركا الجنوبية', 'أمريكا اللاتينية', 'أميركا اللاتينية'], 'continent', 'South America (Latin America)', undefined, undefined],
  ['north-africa', ['شمال أفريقيا', 'شمال إفريقيا'], 'region', 'North Africa', undefined, undefined],
  ['arab-world', ['الوطن العربي', 'العالم العربي'], 'region', 'the Arab world', undefined, undefined],
];
for (const [slug, names, description, code] of TOWNS) {
  places.push({ id: `hashiya:place/${slug}`, label: 'LOC', names, description, kind: 'town', country: 'IQ', governorate: GOVERNORATE_ENGLISH[code], source: 'hashiya' });
}
for (const [slug, names, kind, description, country, code] of FEATURES_AND_REGIONS) {
  places.push({ id: `hashiya:place/${slug}`, label: 'LOC', names, description, kind, ...(country ? { country } : {}), ...(code ? { governorate: GOVERNORATE_ENGLISH[code] } : {}), source: 'hashiya' });
}

// ---- Cities with Arabic-script names: Iraq, the Middle East and the Arab countries of Africa (every town of
// cities15000), and elsewhere the capitals and the cities of a million people or more ---------------------------
const FEATURES = { PPLC: 'capital', PPLA: 'provincial capital', PPLA2: 'district seat', PPLA3: 'sub-district seat', PPL: 'town', PPLX: 'city section', PPLL: 'locality' };
const seen = new Set(places.map((p) => p.id));
const ARAB_AFRICA = new Set(['SD', 'LY', 'TN', 'DZ', 'MA', 'MR', 'SO', 'DJ', 'KM', 'EH']);
const world = read('cities15000.txt.gz').split('\n').filter(Boolean).map((l) => l.split('\t'));
const rows = [
  ...[...read('cities15000_IQ.txt').split('\n'), ...read('cities15000_MiddleEast.txt').split('\n')].filter(Boolean).map((l) => l.split('\t')),
  ...world.filter((f) => ARAB_AFRICA.has(f[8])),
  ...world.filter((f) => f[7] === 'PPLC' || Number(f[14]) >= 1_000_000),
];
for (const f of rows) {
  const [id, name, , alternates, lat, lon, , code, country, , a1] = f;
  const population = Number(f[14]) || 0;
  if (seen.has(`geonames:${id}`)) continue;
  let names = [...new Set((alternates ?? '').split(',').map(clean).filter((n) => ARABIC.test(n) && !/[A-Za-z]/.test(n)))];
  names = names.filter((n) => letters(n) >= 3 && !isCommonWord(n) && !/^(?:قضاء|ناحية|محافظة|مدينة|مركز قضاء|مركز ناحية|بلدة)\s/.test(n));
  // Persian, Kurdish and Urdu spellings fold onto Arabic letters in the matcher, where some become ordinary Arabic
  // words (مدینه -> مدينه, سنە -> سنه): kept only for a place that has no Arabic spelling.
  if (names.some((n) => !NON_ARABIC_LETTERS.test(n))) names = names.filter((n) => !NON_ARABIC_LETTERS.test(n));
  if (names.length === 0) continue;
  // Canonical: an Arabic (not Persian/Kurdish) spelling, preferring the one with the article if both exist.
  names.sort((x, y) => Number(NON_ARABIC_LETTERS.test(x)) - Number(NON_ARABIC_LETTERS.test(y)) || Number(!x.startsWith('ال')) - Number(!y.startsWith('ال')) || (x < y ? -1 : x > y ? 1 : 0));
  const region = admin1.get(`${country}.${a1}`)?.[2];
  const where = [region, country].filter(Boolean).join(', ');
  const governorate = country === 'IQ' ? GOVERNORATE_ENGLISH[`IQ.${a1}`] : region;
  places.push({
    id: `geonames:${id}`, label: 'LOC', names,
    description: withPopulation(`${FEATURES[code] ?? code} ${name}, ${where} — ${Number(lat).toFixed(2)}, ${Number(lon).toFixed(2)}`, population),
    kind: 'city', country, ...(governorate ? { governorate } : {}), ...(population > 0 ? { population } : {}),
    lat: Number(Number(lat).toFixed(4)), lon: Number(Number(lon).toFixed(4)), source: 'geonames',
  });
  seen.add(`geonames:${id}`);
}

// ---- Seat towns of Iraqi districts under their bare names --------------------------------------------------
// News writes "الحويجة" for the town far more often than "قضاء الحويجة" for the district. Where cities15000 has
// the town it is already here; the others get an id of this project that names the district they are the seat of.
const iraqiNames = new Set(places.filter((p) => p.country === 'IQ' && p.kind !== 'district').flatMap((p) => p.names.map(fold)));
const iraqiTowns = places.filter((p) => p.country === 'IQ' && (p.kind === 'city' || p.kind === 'town'));
for (const { district, names, governorate, english } of districtSeats) {
  const bare = names.filter((n) => !iraqiNames.has(fold(n)) && !isCommonWord(n));
  if (bare.length === 0) continue;
  // The town is already here under another of the district's names (طوز خورماتو / الطوز): one entry, all names.
  const known = iraqiTowns.find((p) => p.governorate === governorate && names.some((n) => p.names.some((m) => fold(m) === fold(n))));
  if (known) {
    for (const n of bare) known.names.push(n);
    for (const n of bare) iraqiNames.add(fold(n));
    continue;
  }
  const slug = english.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  places.push({ id: `hashiya:place/seat-${slug}`, label: 'LOC', names: bare, description: `town, seat of the district of ${english} (${governorate}), Iraq`, kind: 'town', country: 'IQ', governorate, seatOf: district, source: 'hashiya' });
  for (const n of bare) iraqiNames.add(fold(n));
}

places.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const out = places.map((p) => JSON.stringify(p)).join('\n') + '\n';
writeFileSync(path.join(root, 'data/builtin/places.jsonl'), out);
console.log(`data/builtin/places.jsonl: ${places.length} places, ${places.reduce((n, p) => n + p.names.length, 0)} names, ${out.length} characters`);
