// The case's tabs, keyboard-operable as a WAI-ARIA tablist: arrow keys (and Home/End) select a tab and move the
// focus with the selection, so the next Enter, Space or arrow acts on the tab the investigator sees selected.
import type { KeyboardEvent } from 'react';
import type { CaseTab } from '../shell/route';

const TABS: readonly { id: CaseTab; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'evidence', label: 'Evidence' },
  { id: 'tokens', label: 'Tokens' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'findings', label: 'Findings' },
  { id: 'lifecycle', label: 'Lifecycle' },
  { id: 'map', label: 'Map' },
  { id: 'people', label: 'People' },
  { id: 'apis', label: 'APIs' },
  { id: 'journal', label: 'Journal' },
  { id: 'exercise', label: 'Exercise' },
];

/**
 * The tabs a case shows: the Exercise tab only on a case opened from an exercise file, and without the views its
 * instructor hid (`findings`, `map`; renderer/exercise).
 */
export function visibleTabs(
  exercise: { readonly header: { readonly hidden: readonly string[] } } | undefined,
): CaseTab[] {
  const hidden = new Set<string>(exercise ? exercise.header.hidden : ['exercise']);
  return TABS.map((tab) => tab.id).filter((tab) => !hidden.has(tab));
}

/** The tab's name as its button shows it. */
export function tabLabel(tab: CaseTab): string {
  return TABS.find((candidate) => candidate.id === tab)?.label ?? tab;
}

interface CaseTabsProps {
  readonly active: CaseTab;
  /** The tabs shown, from {@link visibleTabs}. */
  readonly shown: readonly CaseTab[];
  /** Tabs without a count (the lifecycle and the map draw one thing at a time) show none. */
  readonly counts: Partial<Record<CaseTab, number>>;
  readonly onSelect: (tab: CaseTab) => void;
}

export function CaseTabs({ active, shown, counts, onSelect }: CaseTabsProps) {
  const tabs = TABS.filter((tab) => shown.includes(tab.id));
  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((tab) => tab.id === active);
    const target: Record<string, number> = {
      ArrowRight: (index + 1) % tabs.length,
      ArrowLeft: (index + tabs.length - 1) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    const next = tabs[target[event.key] ?? -1];
    if (!next) return;
    event.preventDefault();
    onSelect(next.id);
    // The button exists already (every tab is always rendered): focusing it now keeps focus off the old tab,
    // whose tabIndex drops to -1 on the next render.
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label="Case views" onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={`tab-${tab.id}`}
          data-testid={`tab-${tab.id}`}
          aria-selected={tab.id === active}
          aria-controls={`panel-${tab.id}`}
          tabIndex={tab.id === active ? 0 : -1}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label} {counts[tab.id] !== undefined && <span className="count">{counts[tab.id]}</span>}
        </button>
      ))}
    </div>
  );
}
