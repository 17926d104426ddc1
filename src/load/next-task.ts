/**
 * Resolves in a new task, so that work after it does not add to the task that awaited it: long
 * preparations (decoding, indexing) are split into tasks the browser can handle input between.
 *
 * A message to a channel of its own, not `setTimeout(0)`: browsers hold back timers nested more
 * than five deep by 4 ms each, so a 50,000-clinic load cut into a hundred slices waited about
 * 0.4 s on timers alone. A message task still lets input and rendering run in between.
 */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}
