import { describe, expect, it } from 'vitest';
import { createPacer } from '../../src/delivery/pacer.ts';
import { seededRandom } from './helpers.ts';

describe('pacer', () => {
  it('never lets one second hold more starts than the rate, even when timers fire late', () => {
    const pacer = createPacer({ ratePerSecond: 25 });
    const random = seededRandom(3);
    const starts: number[] = [];
    let now = 0;
    for (let i = 0; i < 2000; i++) {
      now = Math.max(now, pacer.globalOpenAt()) + random() * 30; // up to 30 ms of timer lateness
      pacer.recordStart(i, false, now);
      starts.push(now);
    }
    let worst = 0;
    for (let i = 0, j = 0; i < starts.length; i++) {
      while ((starts[j] ?? 0) <= (starts[i] ?? 0) - 1000) j++;
      worst = Math.max(worst, i - j + 1);
    }
    expect(worst).toBeLessThanOrEqual(25);
  });

  it('keeps the long-run rate at the target when timers are only a little late', () => {
    const pacer = createPacer({ ratePerSecond: 25 });
    let now = 0;
    for (let i = 0; i < 1500; i++) {
      now = Math.max(now, pacer.globalOpenAt()) + 2;
      pacer.recordStart(i, false, now);
    }
    expect(1500 / (now / 1000)).toBeGreaterThan(24.5);
  });

  it('spaces one private chat a second apart and one group over three seconds apart', () => {
    const pacer = createPacer({ ratePerSecond: 25 });
    pacer.recordStart(42, false, 0);
    pacer.recordStart(-100, true, 0);
    expect(pacer.chatOpenAt(42)).toBe(1000);
    expect(pacer.chatOpenAt(-100)).toBeGreaterThanOrEqual(3000);
    expect(pacer.chatOpenAt(7)).toBe(Number.NEGATIVE_INFINITY);
    pacer.deferChat(42, 9000);
    expect(pacer.chatOpenAt(42)).toBe(9000);
    pacer.prune(9000);
    expect(pacer.chatOpenAt(42)).toBe(Number.NEGATIVE_INFINITY);
  });
});
