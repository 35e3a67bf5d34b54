import { nestingDepthExceeds } from './body-depth';

describe('nestingDepthExceeds', () => {
  const nested = (depth: number): unknown => {
    let value: unknown = 'leaf';
    for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
    return value;
  };

  it('accepts flat bodies and scalars', () => {
    expect(nestingDepthExceeds({ alias: 'x', certificate: 'y' })).toBe(false);
    expect(nestingDepthExceeds('text')).toBe(false);
    expect(nestingDepthExceeds(undefined)).toBe(false);
  });

  it('draws the line at the limit', () => {
    expect(nestingDepthExceeds(nested(16), 16)).toBe(false);
    expect(nestingDepthExceeds(nested(17), 16)).toBe(true);
  });

  it('walks 100,000 levels without overflowing the stack', () => {
    expect(nestingDepthExceeds(nested(100_000))).toBe(true);
  });
});
