// A check's or detector's reference as a link into the in-app help, where its explanation is (offline).
import { helpHref } from './help-topics';

export function HelpLink({ id, testId = 'help-link' }: { readonly id: string; readonly testId?: string }) {
  return (
    <a href={helpHref(id)} className="help-link" data-testid={testId} data-topic={id}>
      What <code>{id}</code> means
    </a>
  );
}
