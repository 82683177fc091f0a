import { isAppUrl } from '../app-scheme';
import {
  IpcRequestError,
  validateIpcArgs,
  type IpcArgs,
  type IpcChannel,
  type IpcResult,
} from '../../ipc/ipc-contract';

/**
 * Who sent an IPC message: the URL of the sending frame (`event.senderFrame.url`). Electron leaves the frame
 * `null` when it navigated away or was destroyed before the message was handled; that is treated as untrusted.
 */
export interface IpcSender {
  readonly url: string | undefined;
}

/**
 * A channel handler as registered: the sender first, then the raw arguments exactly as they arrived over IPC.
 * It rejects with an {@link IpcRequestError} when the sender is not the app or an argument is invalid.
 */
export type IpcHandler<C extends IpcChannel> = (sender: IpcSender, ...args: unknown[]) => Promise<IpcResult<C>>;

/** One handler per channel of the contract; registration iterates over it. */
export type IpcHandlerMap = { readonly [C in IpcChannel]: IpcHandler<C> };

/**
 * Throws unless the message came from an app page (`tokentrail://app/…`). Every handler runs this first, as in
 * GitHub Desktop's `trusted-ipc-sender.ts`: a frame that somehow navigated elsewhere (or an injected iframe)
 * must not reach the file system through the bridge.
 */
export function assertTrustedSender(channel: IpcChannel, sender: IpcSender): void {
  if (!isAppUrl(sender.url)) {
    throw new IpcRequestError(
      'untrusted-sender',
      `${channel}: refused a message from ${sender.url ?? 'a detached frame'}`,
    );
  }
}

/**
 * Wraps the typed implementation of a channel into an {@link IpcHandler}: sender check, then the contract's
 * runtime validation of the arguments, then the implementation. Keeping both checks here means no handler can
 * forget one.
 */
export function defineIpcHandler<C extends IpcChannel>(
  channel: C,
  implementation: (...args: IpcArgs<C>) => Promise<IpcResult<C>>,
): IpcHandler<C> {
  const validate = validateIpcArgs[channel] as (args: readonly unknown[]) => IpcArgs<C>;
  return async (sender, ...args) => {
    assertTrustedSender(channel, sender);
    return implementation(...validate(args));
  };
}
