import { describe, expect, it } from 'vitest';
import { UnlockThrottle, waitAfterFailures } from '../../electron/core/services/unlock-throttle.ts';

describe('unlock throttle', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 2],
    [4, 4],
    [5, 8],
    [6, 16],
    [7, 32],
    [8, 60],
    [50, 60],
  ])('after %i wrong attempts waits %i s', (failures, seconds) => {
    expect(waitAfterFailures(failures)).toBe(seconds);
  });

  it('counts per file, counts down, and forgets on success', () => {
    let now = 0;
    const throttle = new UnlockThrottle(() => now);
    for (let i = 0; i < 3; i++) throttle.recordFailure('/a');
    expect(throttle.retryAfterSeconds('/a')).toBe(2);
    expect(throttle.retryAfterSeconds('/b')).toBe(0);
    expect(() => {
      throttle.check('/a');
    }).toThrow(expect.objectContaining({ code: 'TOO_MANY_ATTEMPTS' }) as Error);
    now += 1500;
    expect(throttle.retryAfterSeconds('/a')).toBe(1);
    now += 500;
    expect(() => {
      throttle.check('/a');
    }).not.toThrow();
    expect(throttle.recordSuccess('/a')).toBe(3);
    expect(throttle.failures('/a')).toBe(0);
  });
});
