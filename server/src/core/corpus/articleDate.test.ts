import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { articleDateFromPath } from './articleDate';

test('an article\'s date is read from its file name, then from dated folders', () => {
  assert.equal(articleDateFromPath('/corpus/iraq/dhi-qar-convoy-2020-07-22.txt'), '2020-07-22');
  assert.equal(articleDateFromPath('C:\\corpus\\2019_05_01-baghdad.txt'), '2019-05-01');
  assert.equal(articleDateFromPath('/corpus/2023/03/14/basra.txt'), '2023-03-14');
  // The file name wins over its folders.
  assert.equal(articleDateFromPath('/corpus/2023/03/14/basra-2022-12-31.txt'), '2022-12-31');
});

test('no date where there is none, or where the digits are not a calendar date', () => {
  assert.equal(articleDateFromPath('/corpus/iraq/news.txt'), undefined);
  assert.equal(articleDateFromPath('/corpus/iraq/report-2023-02-30.txt'), undefined, 'February has no 30th');
  assert.equal(articleDateFromPath('/corpus/iraq/id-120230101-7.txt'), undefined, 'digits inside a longer number');
  assert.equal(articleDateFromPath('/corpus/iraq/2023-13-01.txt'), undefined, 'no 13th month');
});
