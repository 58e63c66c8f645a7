/**
 * The first step of reading a workshop file (a kit or a group response; docs/file-formats.md,
 * "The JSON envelope"): the envelope, then a content that is an object, with a sink that
 * collects the problems of the checks that follow. Never throws.
 *
 * Relative imports only: the command-line tools load this file too.
 */
import type { FileProblem } from '../domain/problems';
import { problemSink, type IssueSink } from './bundle';
import { unwrap, type EnvelopeFormat, type UnwrapOptions } from './envelope';

export type OpenedContent =
  | { ok: false; problems: FileProblem[] }
  | {
      ok: true;
      content: Record<string, unknown>;
      appVersion: string;
      exportedAt: string;
      /** Where the checks that follow put their problems, and the sink that writes them. */
      problems: FileProblem[];
      issue: IssueSink;
    };

/**
 * Opens the envelope of `text` as `format` and checks that its content is an object.
 * @example const opened = openContent('kit.json', text, WORKSHOP_KIT_FORMAT);
 */
export function openContent(
  file: string,
  text: string,
  format: EnvelopeFormat,
  options: UnwrapOptions = {}
): OpenedContent {
  const opened = unwrap(file, text, format, options);
  if (!opened.ok) return { ok: false, problems: [opened.fileProblem] };
  const problems: FileProblem[] = [];
  const issue = problemSink(file, problems);
  const content = opened.content;
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    issue(['content'], 'bundle.content-shape');
    return { ok: false, problems };
  }
  return {
    ok: true,
    content: content as Record<string, unknown>,
    appVersion: opened.appVersion,
    exportedAt: opened.exportedAt,
    problems,
    issue
  };
}
