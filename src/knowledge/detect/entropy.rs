//! Shannon entropy in bits per character.

pub fn shannon(text: &str) -> f64 {
    let mut counts = [0u32; 256];
    let mut total = 0u32;
    for b in text.bytes() {
        counts[b as usize] += 1;
        total += 1;
    }
    if total == 0 {
        return 0.0;
    }
    let n = f64::from(total);
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = f64::from(c) / n;
            -p * p.log2()
        })
        .sum()
}

#[cfg(test)]
mod tests {
    #[test]
    fn repeated_is_zero_and_distinct_is_log2() {
        assert_eq!(super::shannon("xxxx"), 0.0);
        assert!((super::shannon("abcd") - 2.0).abs() < 1e-9);
    }
}
