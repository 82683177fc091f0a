// The in-app help: what every check and detector looks for, how severe it is, its parameters and references, and
// the log formats the app reads — so a reference in a finding opens its explanation here, offline, instead of
// naming a file of a repository the investigator does not have.
import { useEffect, useMemo } from 'react';
import { helpAnchor, helpTopics, type HelpTopic } from './help-topics';
import './help.css';

const SECTIONS: readonly { kind: HelpTopic['kind']; title: string; intro: string }[] = [
  {
    kind: 'check',
    title: 'Token checks',
    intro: 'Run on every distinct token: how it is signed, what it claims, and whether its signature holds.',
  },
  {
    kind: 'detector',
    title: 'Detectors',
    intro:
      'Run on the case timeline: what the tokens were used for, where and when. Their parameters are set per case under "Detector parameters" in the Findings tab.',
  },
  {
    kind: 'format',
    title: 'Log formats',
    intro: 'The evidence formats the app parses into events, detected from content.',
  },
];

function TopicEntry({ topic, selected }: { readonly topic: HelpTopic; readonly selected: boolean }) {
  return (
    <article
      id={helpAnchor(topic)}
      className={`panel help-topic${selected ? ' selected' : ''}`}
      data-testid="help-topic"
      data-topic={topic.id}
      aria-current={selected ? 'true' : undefined}
      tabIndex={-1}
    >
      <h3>
        <code>{topic.id}</code> {topic.title}{' '}
        {topic.severity && <span className={`badge sev-${topic.severity}`}>{topic.severity}</span>}
      </h3>
      {topic.description && <p>{topic.description}</p>}
      {topic.parameters.length > 0 && (
        <dl className="meta compact">
          {topic.parameters.map((parameter) => (
            <div key={parameter.name}>
              <dt>
                {parameter.label} <code className="muted">{parameter.name}</code> (default{' '}
                <code>{parameter.defaultValue}</code>)
              </dt>
              <dd>{parameter.help}</dd>
            </div>
          ))}
        </dl>
      )}
      {topic.references.length > 0 && <p className="muted small">References: {topic.references.join(' · ')}</p>}
    </article>
  );
}

export function HelpView({ topic }: { readonly topic?: string }) {
  const topics = useMemo(helpTopics, []);
  const selected =
    topics.find((entry) => entry.id === topic && entry.kind !== 'format') ?? topics.find((entry) => entry.id === topic);
  useEffect(() => {
    if (!selected) return;
    const element = document.getElementById(helpAnchor(selected));
    element?.scrollIntoView({ block: 'start' });
    element?.focus({ preventScroll: true });
  }, [selected]);
  return (
    <main className="page help-page" data-testid="help-view">
      <h1>Help: checks, detectors and formats</h1>
      {topic && !selected && (
        <p className="error" role="alert">
          No check, detector or format is called "{topic}".
        </p>
      )}
      {SECTIONS.map((section) => (
        <section key={section.kind} aria-labelledby={`help-section-${section.kind}`} className="stack">
          <h2 id={`help-section-${section.kind}`}>{section.title}</h2>
          <p className="muted">{section.intro}</p>
          {topics
            .filter((entry) => entry.kind === section.kind)
            .map((entry) => (
              <TopicEntry key={helpAnchor(entry)} topic={entry} selected={entry === selected} />
            ))}
        </section>
      ))}
    </main>
  );
}
