/**
 * @module node/services/housekeeping
 *
 * The node's scheduler for what falls due with time: confidentiality
 * reviews that raise notices, and deletions at the end of retention. One
 * run at a time; a failed run is retried at the next tick, and `stop()`
 * waits for the run in progress.
 */
import type { NodeRuntime } from '../runtime.js'
import { raiseDueNotices } from './notices.js'
import { runDeletions } from './retention.js'

export function startHousekeeping(rt: NodeRuntime, intervalMs: number) {
  let running: Promise<void> | undefined
  let stopped = false
  const run = () => {
    running ??= (async () => {
      try {
        await raiseDueNotices(rt)
        await runDeletions(rt)
      } catch (e) {
        if (!stopped) process.emitWarning(`housekeeping: ${(e as Error).message}`)
      } finally {
        running = undefined
      }
    })()
    return running
  }
  const timer = setInterval(() => void run(), intervalMs)
  timer.unref()
  return {
    run,
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}
