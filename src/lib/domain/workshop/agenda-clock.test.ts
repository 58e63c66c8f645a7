import { describe, expect, it } from 'vitest';
import {
  enterSection,
  newClock,
  pauseClock,
  sectionElapsed,
  sectionPace,
  startClock,
  totalElapsed,
  wholeMinutes
} from './agenda-clock';

const MIN = 60_000;

describe('the agenda clock', () => {
  it('counts nothing until it is started', () => {
    const clock = newClock('q/legal');
    expect(sectionElapsed(clock, 'q/legal', 10 * MIN)).toBe(0);
  });

  it('counts the time while it runs and keeps it when paused', () => {
    let clock = startClock(newClock('q/legal'), 0);
    expect(sectionElapsed(clock, 'q/legal', 3 * MIN)).toBe(3 * MIN);
    clock = pauseClock(clock, 5 * MIN);
    expect(sectionElapsed(clock, 'q/legal', 60 * MIN)).toBe(5 * MIN);
    clock = startClock(clock, 60 * MIN);
    expect(sectionElapsed(clock, 'q/legal', 62 * MIN)).toBe(7 * MIN);
  });

  it('gives each section the time spent on it', () => {
    let clock = startClock(newClock('q/legal'), 0);
    clock = enterSection(clock, 'q/rights', 4 * MIN);
    clock = enterSection(clock, 'q/legal', 10 * MIN);
    expect(sectionElapsed(clock, 'q/legal', 11 * MIN)).toBe(5 * MIN);
    expect(sectionElapsed(clock, 'q/rights', 11 * MIN)).toBe(6 * MIN);
    expect(totalElapsed(clock, 11 * MIN)).toBe(11 * MIN);
  });

  it('moving section while paused counts nothing', () => {
    let clock = enterSection(newClock('a'), 'b', 5 * MIN);
    expect(totalElapsed(clock, 9 * MIN)).toBe(0);
    clock = startClock(clock, 9 * MIN);
    expect(sectionElapsed(clock, 'b', 10 * MIN)).toBe(MIN);
    expect(sectionElapsed(clock, 'a', 10 * MIN)).toBe(0);
  });

  it('starting twice does not restart the running time', () => {
    const clock = startClock(startClock(newClock('a'), 0), 2 * MIN);
    expect(sectionElapsed(clock, 'a', 3 * MIN)).toBe(3 * MIN);
  });

  it('says how a section stands against its plan, in whole minutes', () => {
    const clock = startClock(newClock('a'), 0);
    expect(sectionPace(clock, 'a', 3, 8, 20 * MIN + 59_000)).toEqual({
      spent: 20,
      planned: 24,
      over: 0
    });
    expect(sectionPace(clock, 'a', 3, 8, 30 * MIN)).toEqual({ spent: 30, planned: 24, over: 6 });
    expect(wholeMinutes(-5)).toBe(0);
  });
});
