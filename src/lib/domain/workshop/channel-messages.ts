/**
 * The messages the facilitator's two windows exchange over a BroadcastChannel
 * (docs/architecture.md, "The facilitator view"). The control window sends what the projector
 * shows; the projector only says hello when it opens. Every message is checked on receipt: a
 * message of another shape, or one carrying anything more than the projector may show (a
 * rationale draft, a group's real name when the workshop is anonymised), is dropped.
 */
import { z } from '../zod';
import { ID_PATTERN } from '../questionnaire/id-pattern';
import { BINARY_VALUES } from '../questionnaire/schema';
import type { Level } from './spread';

const id = z.string().regex(ID_PATTERN);
const level = z.union([z.number().int().min(0).max(100), z.enum(BINARY_VALUES)]);
const count = z.number().int().min(0).max(1000);
/** Longest group label on the projector (a group name is at most this long too). */
const LABEL_MAX = 80;

/** What the projector shows: one question, and the groups' levels once revealed. */
export const projectorViewSchema = z.strictObject({
  assessmentId: z.string().min(1).max(64),
  questionnaireId: id,
  questionId: id,
  /** The level descriptors are shown. */
  descriptors: z.boolean(),
  /** The groups' answers are revealed; before that `dots` is empty. */
  revealed: z.boolean(),
  /** One dot per counted group that gave a level, labelled as the room may see it. */
  dots: z.array(z.strictObject({ label: z.string().min(1).max(LABEL_MAX), level })).max(200),
  /** Counted groups that said N/A, don't know or cannot disclose. */
  other: z.strictObject({ na: count, unknown: count, restricted: count }),
  /** The agreed answer once the consensus is set (never its rationale). */
  consensus: z
    .strictObject({
      state: z.enum(['level', 'na', 'unknown', 'restricted']),
      level: level.optional()
    })
    .nullable()
});
export type ProjectorView = z.output<typeof projectorViewSchema>;

export const channelMessageSchema = z.discriminatedUnion('type', [
  /** Control → projector: show this. `seq` grows with every message of one sender. */
  z.strictObject({
    type: z.literal('show'),
    from: z.string().min(1).max(64),
    seq: z.number().int().min(0),
    view: projectorViewSchema
  }),
  /** Projector → control: a projector opened and asks for the current view. */
  z.strictObject({ type: z.literal('hello'), from: z.string().min(1).max(64) })
]);
export type ChannelMessage = z.output<typeof channelMessageSchema>;
export type ShowMessage = Extract<ChannelMessage, { type: 'show' }>;

/**
 * The message, or null when it is not one of ours in exactly our shape.
 * @example readChannelMessage({ type: 'hello', from: 'p1' }) // { type: 'hello', from: 'p1' }
 * @example readChannelMessage({ type: 'hello', from: 'p1', rationale: 'draft' }) // null
 */
export function readChannelMessage(data: unknown): ChannelMessage | null {
  const parsed = channelMessageSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** The last `show` message a projector applied: its sender and number. */
export interface LastShown {
  from: string;
  seq: number;
}

/**
 * Whether a projector applies a `show` message after `last`: always from a sender it has not
 * heard last (a control window reopened), else only a later number (a late or repeated
 * message never takes the screen back).
 * @example acceptsShow({ from: 'c1', seq: 4 }, { from: 'c1', seq: 3 }) // false
 */
export function acceptsShow(last: LastShown | null, message: Pick<ShowMessage, 'from' | 'seq'>) {
  return last === null || last.from !== message.from || message.seq > last.seq;
}

/** What the control window knows about the current question (rationale drafts included). */
export interface ControlSnapshot {
  assessmentId: string;
  questionnaireId: string;
  questionId: string;
  descriptors: boolean;
  revealed: boolean;
  /** The counted groups' levels in group order, with the name the room may see. */
  levels: readonly { label: string; level: Level }[];
  other: { na: number; unknown: number; restricted: number };
  consensus: { state: 'level' | 'na' | 'unknown' | 'restricted'; level?: Level | undefined } | null;
  /** Never sent. */
  rationaleDraft?: string;
}

/**
 * The projector's view of the control window's state: the question, the descriptor toggle, and
 * — only once revealed — the groups' levels and other answers. Rationale drafts and anything
 * else the control window holds are left behind.
 * @example projectorView({ ...snapshot, revealed: false }).dots // []
 */
export function projectorView(s: ControlSnapshot): ProjectorView {
  const c = s.consensus;
  const consensus =
    c === null
      ? null
      : c.level === undefined
        ? { state: c.state }
        : { state: c.state, level: c.level };
  return {
    assessmentId: s.assessmentId,
    questionnaireId: s.questionnaireId,
    questionId: s.questionId,
    descriptors: s.descriptors,
    revealed: s.revealed,
    dots: s.revealed
      ? s.levels.map((l) => ({ label: l.label.slice(0, LABEL_MAX), level: l.level }))
      : [],
    other: s.revealed ? { ...s.other } : { na: 0, unknown: 0, restricted: 0 },
    consensus
  };
}
