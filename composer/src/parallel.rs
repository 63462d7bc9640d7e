//! Tiny helpers to spread independent work over the available cores with
//! scoped threads, keeping results in input order.

/// How many threads to use for `items` pieces of work, allowing one thread
/// per `per_thread` items and never more than the machine's cores.
///
/// Work is serial unless `KNIT_COMPOSE_THREADS` allows more threads: on a
/// busy machine extra threads were measured to slow composition down.
pub fn threads_for(items: usize, per_thread: usize) -> usize {
    let Some(cap) = std::env::var("KNIT_COMPOSE_THREADS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    else {
        return 1;
    };
    // Only asked when threads are allowed: finding the core count reads cgroup files.
    let available = std::thread::available_parallelism().map_or(1, |n| n.get());
    let cores = available.min(cap.max(1));
    items.div_ceil(per_thread.max(1)).clamp(1, cores)
}

/// Splits `items` into `parts` contiguous chunks of nearly equal size.
pub fn split<T>(items: Vec<T>, parts: usize) -> Vec<Vec<T>> {
    let parts = parts.max(1);
    let size = items.len().div_ceil(parts).max(1);
    let mut chunks = Vec::with_capacity(parts);
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        chunks.push(items.by_ref().take(size).collect());
    }
    chunks
}

/// Runs a list of jobs, the first on the calling thread and the rest on
/// scoped threads, and returns their results in order.
pub trait RunAll<R> {
    /// Runs every job and collects the results in order.
    fn pipe_run(self) -> Vec<R>;
}

impl<R: Send, F: FnOnce() -> R + Send> RunAll<R> for Vec<F> {
    fn pipe_run(self) -> Vec<R> {
        let mut jobs = self.into_iter();
        let Some(first) = jobs.next() else {
            return Vec::new();
        };
        std::thread::scope(|scope| {
            let handles: Vec<_> = jobs.map(|job| scope.spawn(job)).collect();
            let mut results = vec![first()];
            for handle in handles {
                match handle.join() {
                    Ok(result) => results.push(result),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            results
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_evenly_and_keeps_order() {
        assert_eq!(split((0..5).collect(), 2), vec![vec![0, 1, 2], vec![3, 4]]);
        assert_eq!(split(Vec::<u8>::new(), 3), Vec::<Vec<u8>>::new());
        let results = vec![|| 1, || 2, || 3].pipe_run();
        assert_eq!(results, vec![1, 2, 3]);
    }
}
