// The case's tabs, keyboard-operable as a WAI-ARIA tablist (arrow keys move between tabs).
import type { KeyboardEvent } from 'react';
import type { CaseTab } from '../shell/route';

const TABS: readonly { id: CaseTab; label: string }[] = [
  { id: 'evidence', label: 'Evidence' },
  { id: 'tokens', label: 'Tokens' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'findings', label: 'Findings' },
  { id: 'lifecycle', label: 'Lifecycle' },
  { id: 'map', label: 'Map' },
];

/** The tab's name as its button shows it. */
export function tabLabel(tab: CaseTab): string {
  return TABS.find((candidate) => candidate.id === tab)?.label ?? tab;
}

interface CaseTabsProps {
  readonly active: CaseTab;
  /** Tabs without a count (the lifecycle and the map draw one thing at a time) show none. */
  readonly counts: Partial<Record<CaseTab, number>>;
  readonly onSelect: (tab: CaseTab) => void;
}

export function CaseTabs({ active, counts, onSelect }: CaseTabsProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = TABS.findIndex((tab) => tab.id === active);
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    if (next) onSelect(next.id);
  };
  return (
    <div className="tabs" role="tablist" aria-label="Case views" onKeyDown={onKeyDown}>
      {TABS.map((tab) => (
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
