// Runs in a worker thread (see page-parser.ts): reads one page's anchors, where the main thread's
// deadline can stop it however the page is built.
import { htmlAnchors, markdownPage } from './anchors.ts';
import type { PageTask, ParsedPage } from './page-parser.ts';

export default function parsePage(task: PageTask): ParsedPage {
  if (task.kind === 'html') return { anchors: [...htmlAnchors(task.text)] };
  const { anchors, frontMatter } = markdownPage(task.text, task.slugs);
  return { anchors: [...anchors], ...(frontMatter !== undefined ? { frontMatter } : {}) };
}
