/** Binary searches over ascending arrays of offsets or line numbers. */

/** Index of `value` in an ascending array, or -1. */
export function indexInSorted(xs: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] === value) return mid;
    if (xs[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Index of the last element ≤ value in an ascending array (searched from index `from` on), or from − 1. */
export function floorIndex(xs: ArrayLike<number>, value: number, from = 0): number {
  let lo = from;
  let hi = xs.length - 1;
  let found = from - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the first occurrence of `value` in an ascending array of integers, or -1. */
export function firstIndexOf(xs: ArrayLike<number>, value: number): number {
  const i = floorIndex(xs, value - 1) + 1;
  return i < xs.length && xs[i] === value ? i : -1;
}
