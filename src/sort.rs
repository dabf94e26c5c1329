//! One sort for the whole crate, stable, with its merging written once.
//!
//! The standard library's sorts are instantiated afresh for every element
//! type and comparison: the crate's 14 calls of them were 33 KB of the wasm
//! (before wasm-opt), an eighth of all its code. Here the merging works on
//! indices through one `dyn` comparison, so each call site adds only a small
//! shim. The lists sorted are small (at most a few thousand items, at load
//! or on a query), where the indirection costs nothing measurable.
use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably (equal items keep their order).
pub fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let items = &*v;
        permutation(items.len(), &mut |i, j| cmp(&items[i], &items[j]))
    };
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `v` by a key, stably.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// The indices `0..n` in the order `cmp` gives them (a stable bottom-up merge
/// sort; `cmp(i, j)` compares the items at `i` and `j`).
fn permutation(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut l, mut r) = (lo, mid);
            for slot in &mut to[lo..hi] {
                // Take from the left run unless the right one's head is strictly smaller.
                let left = l < mid && (r >= hi || cmp(from[r], from[l]) != Ordering::Less);
                *slot = if left { l += 1; from[l - 1] } else { r += 1; from[r - 1] };
            }
            lo = hi;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_the_edge_cases() {
        for v in [vec![], vec![1], vec![2, 1], vec![3, 1, 2], vec![5, 5, 5], vec![9, 8, 7, 6, 5, 4, 3, 2, 1, 0]] {
            let mut mine = v.clone();
            let mut std = v.clone();
            sort(&mut mine);
            std.sort();
            assert_eq!(mine, std);
        }
    }

    #[test]
    fn keeps_equal_items_in_order() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e'), (2, 'f')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c'), (2, 'f')]);
    }

    proptest! {
        #[test]
        fn agrees_with_std_stable_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..300)) {
            let mut mine = v.clone();
            let mut std = v.clone();
            sort_by_key(&mut mine, |p| p.0);
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(mine, std);
        }

        #[test]
        fn sorts_owned_strings(v in proptest::collection::vec("[a-c]{0,3}", 0..60)) {
            let mut mine = v.clone();
            let mut std = v.clone();
            sort(&mut mine);
            std.sort();
            prop_assert_eq!(mine, std);
        }
    }
}
