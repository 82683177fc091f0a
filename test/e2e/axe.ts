// axe-core, run inside the page on the real app: its source is evaluated in the page through the DevTools protocol
// (the app's content security policy forbids injected <script> tags and eval, and rightly), then `axe.run` checks the whole
// document against the WCAG 2.0/2.1 level A and AA rules (and empty-table-header).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

/** The rule tags checked: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/** One rule broken in one state of the app, with the elements that break it. */
export interface Violation {
  readonly state: string;
  readonly rule: string;
  readonly impact: string;
  readonly targets: readonly string[];
  readonly summary: string;
}

let axeSource: Promise<string> | undefined;

/** Runs axe-core over the page as it is now and returns every WCAG A/AA violation, each named by `state`. */
export async function accessibilityViolations(page: Page, state: string): Promise<Violation[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const source = await axeSource;
  // A string is evaluated as a script by the DevTools protocol, which the page's CSP (no 'unsafe-eval') allows;
  // axe's bundle then defines window.axe. Once per document: a reload or restart needs it again.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  const found = await page.evaluate(
    async ({ tags }) => {
      const scope = window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } };
      const result = (await scope.axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        // A best-practice rule the WCAG tags leave out, kept because a header cell without text names no column.
        rules: { 'empty-table-header': { enabled: true } },
        resultTypes: ['violations'],
      })) as {
        violations: {
          id: string;
          impact: string | null;
          nodes: { target: unknown[]; failureSummary?: string }[];
        }[];
      };
      return result.violations.map((violation) => ({
        rule: violation.id,
        impact: violation.impact ?? 'unknown',
        targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
        summary: violation.nodes[0]?.failureSummary ?? '',
      }));
    },
    { tags: [...WCAG_TAGS] },
  );
  return found.map((violation) => ({ state, ...violation }));
}

/**
 * Elements that act on a click but cannot be reached from the keyboard: React's props on each element (the
 * `__reactProps$…` key React DOM keeps) name its handlers. An element with `onClick` is reachable when it takes
 * the focus by Tab (tabIndex ≥ 0: buttons, links, fields, or an explicit tabIndex), or when it is one item of a
 * composite widget the keyboard drives: an option of a focusable listbox (aria-activedescendant) or a roving
 * item whose siblings of the same role hold the one tab stop.
 */
export async function keyboardUnreachable(page: Page, state: string): Promise<Violation[]> {
  const found = await page.evaluate(() => {
    const describe = (element: Element) => {
      const testId = element.getAttribute('data-testid');
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${element.tagName.toLowerCase()}${testId ? `[data-testid=${testId}]` : ''}${
        element.getAttribute('class') ? `.${element.getAttribute('class')!.split(' ')[0]}` : ''
      } "${text}"`;
    };
    const reachable = (element: HTMLElement | SVGElement) => {
      if (element.tabIndex >= 0) return true;
      if ((element as HTMLButtonElement).disabled) return true;
      const role = element.getAttribute('role');
      if (role === 'option') {
        const listbox = element.closest('[role=listbox]') as HTMLElement | null;
        return listbox !== null && listbox.tabIndex >= 0;
      }
      if (role !== null || element.tagName === 'TR') {
        const parent = element.parentElement;
        const siblings = parent ? [...parent.children].filter((sibling) => sibling.tagName === element.tagName) : [];
        return siblings.some((sibling) => (sibling as HTMLElement).tabIndex >= 0);
      }
      return false;
    };
    const unreachable: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement | SVGElement>('body *')) {
      const propsKey = Object.keys(element).find((key) => key.startsWith('__reactProps$'));
      if (!propsKey) continue;
      const props = (element as unknown as Record<string, { onClick?: unknown; onDoubleClick?: unknown }>)[propsKey]!;
      if (!props.onClick && !props.onDoubleClick) continue;
      // Only what the investigator can see: a closed <details> or a hidden panel offers nothing to click.
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (!reachable(element)) unreachable.push(describe(element));
    }
    return unreachable;
  });
  return found.length === 0
    ? []
    : [
        {
          state,
          rule: 'keyboard-reachable',
          impact: 'serious',
          targets: found,
          summary: 'clickable, not reachable by keyboard',
        },
      ];
}
