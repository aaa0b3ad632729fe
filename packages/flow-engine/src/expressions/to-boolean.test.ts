import { describe, expect, it } from 'vitest';

import { createEvaluator } from './create-evaluator';
import { toBoolean } from './to-boolean';

describe('toBoolean', () => {
  const samples: unknown[] = [undefined, null, true, false, 0, 1, -2, '', 'x', [], [0], [0, 1], [[]], {}, { a: 0 }, ['', '']];

  it('agrees with JSONata’s $boolean on every sample', async () => {
    const evaluator = createEvaluator();
    for (const sample of samples) {
      const jsonataValue = await evaluator.evaluate('$boolean(value)', { value: sample });
      expect(toBoolean(sample), JSON.stringify(sample)).toBe(jsonataValue ?? false);
    }
  });
});
