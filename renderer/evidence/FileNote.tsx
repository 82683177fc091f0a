// The importer's note beside a loose file's kind when nothing was read from it ("Empty file (0 bytes): nothing was
// read from it.", core/evidence classify.ts). Only on files that came without a manifest (verdict `generated`):
// there the description can only be the importer's; a bundle's own descriptions are the collector's words.
import type { FileVerdict } from '../../core/evidence';
import { safeText } from '../shell/format';

export function FileNote({
  file,
}: {
  readonly file: { readonly verdict: FileVerdict; readonly description?: string };
}) {
  if (file.verdict !== 'generated' || !file.description) return null;
  return (
    <div className="muted small" data-testid="evidence-file-note">
      {safeText(file.description)}
    </div>
  );
}
