//! One sort for the whole crate. The standard library's sorts are generic: every element type
//! and comparator gets its own copy of the sorting code in the wasm (2–4 KB each; about 90 KB
//! over the crate's call sites). Here the comparison goes through `dyn`, so the sorting loop
//! exists once and only the short permutation step is generic. The lists sorted here hold at
//! most a few thousand items, so a plain merge sort of positions is fast enough.
//!
//! A test below fails when runtime code calls the standard sorts again.

use std::cmp::Ordering;

/// Like `slice::sort_by`: stable (equal items keep their order).
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &mut |a, b| compare(&items[a], &items[b]));
    permute(items, &order);
}

/// Like `slice::sort_by_key` (stable), but each item's key is made once, not once per
/// comparison: some keys cost a lookup (a country's name found by its id).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &mut |a, b| keys[a].cmp(&keys[b]));
    permute(items, &order);
}

/// Sorts `items` by `keys`, one per item, made beforehand in a plain loop: a copy of the
/// iterator code that [`sort_by_key`] collects them with is about 0.5 KB per call site.
pub fn sort_by_names<T>(items: &mut [T], keys: &[String]) {
    permute(items, &order_of_names(keys));
}

fn order_of_names(keys: &[String]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    sort_positions(&mut order, &mut |a, b| keys[a].cmp(&keys[b]));
    order
}

/// Like `slice::sort` (and `sort_unstable`, whose instability nothing here relies on).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Stable bottom-up merge sort of positions; `compare` compares the items at two positions.
fn sort_positions(order: &mut Vec<usize>, compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    let n = order.len();
    // Most lists arrive sorted already (the dataset's tables are stored in key order).
    if (1..n).all(|i| compare(order[i], order[i - 1]) != Ordering::Less) {
        return;
    }
    let mut from = std::mem::take(order);
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let middle = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            // Two runs already in order (common in partly sorted lists) are copied as they are.
            if middle == end || compare(from[middle], from[middle - 1]) != Ordering::Less {
                to[start..end].copy_from_slice(&from[start..end]);
                start = end;
                continue;
            }
            let (mut left, mut right) = (start, middle);
            for slot in &mut to[start..end] {
                // The right run wins only when strictly smaller: equal items keep their order.
                if right < end && (left >= middle || compare(from[right], from[left]) == Ordering::Less) {
                    *slot = from[right];
                    right += 1;
                } else {
                    *slot = from[left];
                    left += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    *order = from;
}

/// Puts the item at position `order[k]` at position `k`, by swaps.
fn permute<T>(items: &mut [T], order: &[usize]) {
    for k in 0..order.len() {
        // Earlier swaps may have moved the wanted item away: follow it to where it is now.
        let mut at = order[k];
        while at < k {
            at = order[at];
        }
        items.swap(k, at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the test needs no dependency.
    fn numbers(seed: u64, n: usize, modulo: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (x >> 33) % modulo
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        for (seed, n, modulo) in [(1, 0, 5), (2, 1, 5), (3, 2, 2), (4, 7, 3), (5, 100, 10), (6, 1000, 1000), (7, 513, 4)] {
            // Pairs of (key, original position): stability shows in the positions.
            let items: Vec<(u64, usize)> = numbers(seed, n, modulo).into_iter().zip(0..).collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut standard = items.clone();
            standard.sort_by_key(|p| p.0);
            assert_eq!(ours, standard, "seed {seed}, {n} items");
            let mut descending = items;
            sort_by(&mut descending, |a, b| b.cmp(a));
            assert!(descending.windows(2).all(|w| w[0] >= w[1]));
        }
    }

    #[test]
    fn sorts_strings() {
        let mut names = vec!["Niger", "Chad", "Mali", "Benin", "Chad"];
        sort(&mut names);
        assert_eq!(names, ["Benin", "Chad", "Chad", "Mali", "Niger"]);
    }

    /// The runtime code (everything but the build-time data checks) sorts through this module.
    #[test]
    fn runtime_code_uses_this_sort() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        // Everything but `data/`, whose build-time checks and decoder may use std's sorts, and
        // this file, which names them.
        let mut files = Vec::new();
        let mut dirs = vec![root.clone()];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.ends_with("data") || path.ends_with("sort.rs") {
                    continue;
                }
                if path.is_dir() { dirs.push(path) } else { files.push(path) }
            }
        }
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for (n, line) in text.lines().enumerate() {
                for call in [".sort(", ".sort_by(", ".sort_by_key(", ".sort_by_cached_key(", ".sort_unstable"] {
                    assert!(!line.contains(call), "{}:{}: use crate::sort instead of `{call}`", file.display(), n + 1);
                }
            }
        }
    }
}
