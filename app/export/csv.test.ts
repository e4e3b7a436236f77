import { describe, expect, it } from 'vitest';
import { csvText } from './csv';

describe('csvText', () => {
  it('writes a header and rows, numbers exactly, missing values empty, and quotes text that needs it', () => {
    expect(csvText(['a', 'b', 'c'], [[1 / 3, null, 'plain'], [NaN, -0.5, 'with, comma'], [1e-30, 2, 'say "hi"']])).toBe(
      'a,b,c\n0.3333333333333333,,plain\n,-0.5,"with, comma"\n1e-30,2,"say ""hi"""\n',
    );
  });
});
