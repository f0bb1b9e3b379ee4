/**
 * Shared status watchers, in the manner of Kubernetes informers: one {@link dev.mstudio.watch.JobWatcher}
 * per job kind (from {@link dev.mstudio.watch.Watchers}) polls the service economically, keeps a local
 * store, diffs snapshots into {@link dev.mstudio.watch.WatchEvent}s and fans them out to isolated
 * listeners subscribed with a {@link dev.mstudio.watch.WatchFilter}. Polling runs on an injected
 * {@link dev.mstudio.watch.WatchScheduler} and dispatch on an injected executor, so tests drive it
 * with a fake clock and a direct executor.
 */
package dev.mstudio.watch;
