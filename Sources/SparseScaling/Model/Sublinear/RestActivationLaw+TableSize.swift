extension RestActivationLaw {
    /// Rests of at most this many coordinates (finite M) are tabulated whole (32 MiB of hazards): beyond
    /// the table each draw is a root search on the series, thousands of power evaluations, and at β ≤ 1
    /// the samples draw hundreds of such indices each.
    static let wholeTableLimit = 1 << 22

    /// The table size `SublinearSampler` uses: the whole rest when it has at most `wholeTableLimit`
    /// coordinates, else 2^16 (M = ∞, or a finite M past the limit).
    static func tableSize(hubCount h: Int, lastIndex: Int) -> Int {
        lastIndex - h <= wholeTableLimit ? max(1 << 16, lastIndex - h) : 1 << 16
    }
}
