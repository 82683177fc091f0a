// Case metadata as the collector wrote it in the bundle manifest.
import type { CaseMetadata } from '../../core/evidence';

export function CaseMetadataList({ metadata }: { readonly metadata: CaseMetadata }) {
  const rows: [string, string | undefined][] = [
    ['Title', metadata.title],
    ['Case number', metadata.caseNumber],
    ['Collected by', metadata.collectedBy],
    ['Collected at', metadata.collectedAt],
    ['Collector time zone', metadata.timeZone],
    ['Source systems', metadata.sourceSystems?.join(', ')],
    ['Notes', metadata.notes],
  ];
  return (
    <dl className="meta" data-testid="case-metadata">
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
