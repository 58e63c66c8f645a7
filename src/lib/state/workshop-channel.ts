/**
 * The BroadcastChannel between the facilitator's control window and its projector window
 * (docs/architecture.md, "The facilitator view"). One channel per assessment; every message is
 * checked on receipt (`readChannelMessage`) and anything else is ignored. BroadcastChannel needs
 * no secure context and no network, so this works offline and on plain http.
 */
import {
  acceptsShow,
  readChannelMessage,
  type ChannelMessage,
  type LastShown,
  type ProjectorView,
  type ShowMessage
} from '$lib/domain/workshop/channel-messages';

export type { ProjectorView };

function channelName(assessmentId: string): string {
  return `ncs-workshop-${assessmentId}`;
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface WorkshopChannel {
  send(message: ChannelMessage): void;
  close(): void;
}

/** Opens the channel; `onMessage` gets each valid message from another window. */
function openChannel(
  assessmentId: string,
  onMessage: (m: ChannelMessage) => void
): WorkshopChannel {
  if (typeof BroadcastChannel === 'undefined') return { send() {}, close() {} };
  const channel = new BroadcastChannel(channelName(assessmentId));
  channel.onmessage = (event: MessageEvent) => {
    const message = readChannelMessage(event.data);
    if (message) onMessage(message);
  };
  return {
    send: (message) => channel.postMessage(message),
    close: () => channel.close()
  };
}

/**
 * The control window's end: `show` sends the projector's view (numbered, so a late message
 * never wins); `onHello` runs when a projector opens, to send it the current view.
 */
export function controlChannel(assessmentId: string, onHello: () => void) {
  const from = randomId();
  let seq = 0;
  const channel = openChannel(assessmentId, (message) => {
    if (message.type === 'hello') onHello();
  });
  return {
    show(view: ProjectorView): void {
      seq += 1;
      channel.send({ type: 'show', from, seq, view });
    },
    close: channel.close
  };
}

/** The projector's end: says hello, then passes on each view in order. */
export function projectorChannel(assessmentId: string, onView: (view: ProjectorView) => void) {
  const from = randomId();
  let last: LastShown | null = null;
  const channel = openChannel(assessmentId, (message: ChannelMessage) => {
    if (message.type !== 'show' || message.view.assessmentId !== assessmentId) return;
    if (!acceptsShow(last, message as ShowMessage)) return;
    last = { from: message.from, seq: message.seq };
    onView(message.view);
  });
  channel.send({ type: 'hello', from });
  return { close: channel.close };
}
