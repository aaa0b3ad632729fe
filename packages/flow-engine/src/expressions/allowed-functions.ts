/**
 * The explicit allow-list of `$functions` an expression may call: JSONata 2.2.2's built-ins minus
 * `$eval` (it would run text from a webhook payload as an expression, bypassing save-time checks).
 * `$pad` stays, replaced by a capped version. Nothing from the host (`$process`, `$require`, I/O) is
 * ever bound: an unknown `$name` evaluates to undefined and calling it is an EXPRESSION_ERROR.
 */
export const ALLOWED_FUNCTIONS: readonly string[] = [
  'abs', 'append', 'assert', 'average', 'base64decode', 'base64encode', 'boolean', 'ceil', 'clone', 'contains',
  'count', 'decodeUrl', 'decodeUrlComponent', 'distinct', 'each', 'encodeUrl', 'encodeUrlComponent', 'error',
  'exists', 'filter', 'floor', 'formatBase', 'formatInteger', 'formatNumber', 'fromMillis', 'join', 'keys',
  'length', 'lookup', 'lowercase', 'map', 'match', 'max', 'merge', 'millis', 'min', 'not', 'now', 'number', 'pad',
  'parseInteger', 'power', 'random', 'reduce', 'replace', 'reverse', 'round', 'shuffle', 'sift', 'single', 'sort',
  'split', 'spread', 'sqrt', 'string', 'substring', 'substringAfter', 'substringBefore', 'sum', 'toMillis', 'trim',
  'type', 'uppercase', 'zip',
];

/** Built-ins that exist in JSONata but are switched off here (they throw EXPRESSION_ERROR when called). */
export const BLOCKED_FUNCTIONS: readonly string[] = ['eval'];
