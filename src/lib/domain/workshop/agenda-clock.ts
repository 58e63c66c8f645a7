/**
 * The agenda clock of the facilitator view (docs/workshop.md): time spent per section while the
 * clock runs, against a planned time per section (minutes per question × its questions). Pure:
 * the caller passes the time in milliseconds, so tests need no real clock.
 */

export interface ClockState {
  /** When the clock was last started or moved on; null while paused. */
  runningSince: number | null;
  /** The section the running time goes to (a `sectionKey`). */
  section: string;
  /** Milliseconds already spent per section, before `runningSince`. */
  spent: Readonly<Record<string, number>>;
}

/** Default planned minutes per question: about 40 questions in a day of plenary. */
export const DEFAULT_MINUTES_PER_QUESTION = 8;

export function newClock(section: string): ClockState {
  return { runningSince: null, section, spent: {} };
}

/** The running time up to `now` added to the current section's total. */
function settled(state: ClockState, now: number): Record<string, number> {
  const spent = { ...state.spent };
  if (state.runningSince !== null) {
    const add = Math.max(0, now - state.runningSince);
    spent[state.section] = (spent[state.section] ?? 0) + add;
  }
  return spent;
}

/**
 * Starts the clock (nothing changes when it already runs).
 * @example startClock(newClock('q/legal'), 1000).runningSince // 1000
 */
export function startClock(state: ClockState, now: number): ClockState {
  if (state.runningSince !== null) return state;
  return { ...state, runningSince: now };
}

/**
 * Pauses the clock, keeping the time spent so far.
 * @example pauseClock(startClock(newClock('s'), 0), 60_000).spent // { s: 60000 }
 */
export function pauseClock(state: ClockState, now: number): ClockState {
  if (state.runningSince === null) return state;
  return { ...state, runningSince: null, spent: settled(state, now) };
}

/**
 * Moves the clock to another section: the time so far stays with the section it was spent on.
 * @example enterSection(startClock(newClock('a'), 0), 'b', 5000).spent // { a: 5000 }
 */
export function enterSection(state: ClockState, section: string, now: number): ClockState {
  if (section === state.section) return state;
  return {
    section,
    spent: settled(state, now),
    runningSince: state.runningSince === null ? null : now
  };
}

/**
 * Milliseconds spent on a section up to `now`.
 * @example sectionElapsed(startClock(newClock('a'), 0), 'a', 90_000) // 90000
 */
export function sectionElapsed(state: ClockState, section: string, now: number): number {
  return settled(state, now)[section] ?? 0;
}

/** Milliseconds spent on every section up to `now`. */
export function totalElapsed(state: ClockState, now: number): number {
  return Object.values(settled(state, now)).reduce((a, b) => a + b, 0);
}

/**
 * Whole minutes, rounded down (what the clock shows).
 * @example wholeMinutes(119_000) // 1
 */
export function wholeMinutes(ms: number): number {
  return Math.floor(Math.max(0, ms) / 60_000);
}

/**
 * Where a section stands against its plan: minutes spent, minutes planned, and minutes over
 * (0 while within the plan).
 * @example sectionPace(clock, 'a', 3, 8, now) // { spent: 25, planned: 24, over: 1 }
 */
export function sectionPace(
  state: ClockState,
  section: string,
  questions: number,
  minutesPerQuestion: number,
  now: number
): { spent: number; planned: number; over: number } {
  const spent = wholeMinutes(sectionElapsed(state, section, now));
  const planned = Math.max(0, Math.round(questions * minutesPerQuestion));
  return { spent, planned, over: Math.max(0, spent - planned) };
}
