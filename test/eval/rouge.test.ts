import { describe, expect, it } from 'vitest';
import { lcsLength, rouge, rougeTokens } from '../../src/eval/rouge.ts';

describe('rouge', () => {
  it('tokenizes into lower-cased Unicode words without stemming', () => {
    expect(rougeTokens('Ports REOPENED, «Порты» открылись; الموانئ فتحت!')).toEqual([
      'ports', 'reopened', 'порты', 'открылись', 'الموانئ', 'فتحت',
    ]);
  });

  it('scores identical texts 1 and disjoint texts 0', () => {
    expect(rouge('the port reopened', 'The port reopened.')).toEqual({ r1: 1, r2: 1, rl: 1 });
    expect(rouge('grain barges', 'new bridge')).toEqual({ r1: 0, r2: 0, rl: 0 });
  });

  it('computes clipped n-gram F1 and LCS F1', () => {
    // candidate: the the port (3), reference: the port opened (3)
    const s = rouge('the the port', 'the port opened');
    expect(s.r1).toBeCloseTo(2 / 3); // overlap 2 ("the" clipped to 1, "port")
    expect(s.r2).toBeCloseTo(0.5); // bigrams: "the the", "the port" vs "the port", "port opened"
    expect(s.rl).toBeCloseTo(2 / 3);
  });

  it('does not stem: inflected forms do not match', () => {
    expect(rouge('ports', 'port').r1).toBe(0);
  });

  it('handles empty candidates and references', () => {
    expect(rouge('', 'port')).toEqual({ r1: 0, r2: 0, rl: 0 });
    expect(rouge('port', '')).toEqual({ r1: 0, r2: 0, rl: 0 });
    expect(lcsLength(['a', 'b', 'c', 'd'], ['b', 'd'])).toBe(2);
  });
});
