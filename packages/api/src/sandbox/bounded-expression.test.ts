import { describe, expect, it } from 'vitest';

import { isBoundedExpression } from './bounded-expression';

const FILLER = '0123456789abcdef'.repeat(4);

/** Linear in the input, evaluated once per node: these may run on the main thread. */
const BOUNDED = [
  'payload.billable = true and $length(payload.id) > 0',
  '{ "name": "e2e " & payload.id }',
  '"literal"',
  '42',
  'true',
  'null',
  '$',
  '$$',
  '$.payload.id',
  '$$.payload.`time interval`.start',
  'payload.items[0].name',
  'payload.items[0][1]',
  '-payload.amount',
  '(payload.hours * 60 + payload.minutes) / 2 % 7',
  'payload.a != payload.b or payload.c <= 3',
  'payload.status in ["ACTIVE", "DONE"]',
  'payload.tags = ["a", {"b": [1, true, null]}]',
  'payload.billable ? "yes" : "no"',
  'payload.billable ? { "a": payload, "b": [payload, $$] } : [payload.id]',
  'payload.name ?: "unnamed"',
  'payload.name ?? "unnamed"',
  '{ "user": { "id": payload.userId, "all": $$ }, "list": [payload.items, steps.a.body] }',
  '$uppercase(payload.name) & "-" & $lowercase($trim(payload.note))',
  '$substring(payload.id, 0, 4) & $substringBefore(payload.a, "-") & $substringAfter(payload.a, "-")',
  '$contains(payload.description, "urgent")',
  '$string(payload)',
  '$number(payload.amount) + $abs(-1) + $floor(1.5) + $ceil(1.5) + $round(1.25, 1) + $sqrt(4) + $power(2, 3)',
  '$boolean(payload.x) and $not(payload.y) and $exists(payload.z)',
  '$count(payload.items) + $sum(payload.items.price) + $max(payload.items.price) + $min([1, 2]) + $average(payload.n)',
  '$type(payload) & $now() & $string($millis())',
  '$keys(payload) = $lookup(payload, "id")',
  '($item := loop.item; $index := loop.index; (\n$item.name & $string($index)\n))',
  '($x := payload.a & payload.b; { "x": $x })',
  // Doubles a string per line, but every string is checked against the 1 MB cap as it is built.
  '($a := payload.s; $b := $a & $a; $c := $b & $b)',
];

/** Hostile or unknown: these must run in the workers. */
const REFUSED = {
  // The fault suite's process killers (apps/server/test-faults/expression-sandbox.test.ts) and the sandbox tests.
  pad: `$pad("a", 1000000, "${FILLER}")`,
  re2: '$contains($pad("",1000000,"a"), /a{1,1000}a{1,1000}b/)',
  re2Input: '$contains($pad("",1000000,"a"), /a{1,100}b/)',
  re2Costly: '$contains($pad("",99500,"a"), /(.*a){20}/)',
  heap: '$map([1..2000], function($i){ $uppercase($pad("", 999000, "x")) })',
  slow: '$sum([1..100000].($sum([1..200])))',
  // Loops, recursion and amplification.
  range: '[1..10000000]',
  rangeCount: '$count([1..100])',
  recursion: '($f := function($n){ $f($n + 1) }; $f(0))',
  lambda: 'function($x){ $x }',
  partial: '$substring(?, 0, 1)',
  apply: 'payload.name ~> $uppercase',
  join: '$join(payload.tags, ",")',
  replace: '$replace(payload.a, "a", "bb")',
  split: '$split(payload.a, ",")',
  regex: '$contains(payload.a, /x+/)',
  match: '$match(payload.a, /x/)',
  eval: '$eval(payload.code)',
  secret: '"Bearer " & $secret("billing-api")',
  secretBound: '($secret := function($name){ "\\u0000" & $name & "\\u0000" }; (\n"Bearer " & $secret("billing-api")\n))',
  map: '$map(payload.items, $string)',
  filterFn: '$filter(payload.items, function($v){ $v.price > 5 })',
  reduce: '$reduce(payload.items, function($a, $b){ $a & $b })',
  each: '$each(payload, function($v){ $v })',
  sift: '$sift(payload, function($v){ true })',
  distinct: '$distinct(payload.items)',
  sort: '$sort(payload.items)',
  unknownFunction: '$process(1)',
  nowPicture: '$now("[Y9999999]")',
  prettyString: '$string(payload, true)',
  tooManyArgs: '$length(payload.a, 1)',
  // Per-item evaluation and amplification inside paths.
  predicate: 'payload.items[price > 5]',
  predicateOnRoot: 'payload.items[$$.payload.x = 1]',
  mapStep: 'payload.items.{ "all": $$ }',
  blockStep: 'payload.items.($$)',
  functionStep: 'payload.items.$string()',
  wildcard: 'payload.*',
  descendants: 'payload.**',
  parent: 'payload.items.%.x',
  focus: 'payload.items@$i',
  indexBind: 'payload.items#$i',
  groupBy: 'payload.items{ name: price }',
  orderBy: 'payload.items^(price)',
  keepArray: 'payload.items[]',
  transform: '| payload | {"a": 1} |',
  // Constructors consumed in one call: `&` would print every repetition.
  concatConstructor: '{ "a": $$, "b": $$ } & ""',
  stringConstructor: '$string([$$, $$, $$])',
  compareConstructor: '[$$, $$] = [$$, $$]',
  boundConstructor: '($a := [$$, $$]; $a & "")',
  predicateOnCall: '$uppercase(payload.a)[0]',
  unknownVariable: '$undeclared',
  rebindBuiltin: '($length := 1; $length(payload.a))',
  bindOutsideBlock: '$x := payload.a',
  syntaxError: 'payload.a +',
  // More references to the input than MAX_INPUT_REFERENCES (16).
  manyReferences: Array.from({ length: 17 }, () => 'payload.s').join(' & '),
};

describe('isBoundedExpression', () => {
  it.each(BOUNDED)('bounded: %s', (expression) => {
    expect(isBoundedExpression(expression)).toBe(true);
  });

  it.each(Object.entries(REFUSED))('not bounded (%s): %s', (_name, expression) => {
    expect(isBoundedExpression(expression)).toBe(false);
  });
});
