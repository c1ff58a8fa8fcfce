import Foundation

/// Locates the double-descent bump on a loss curve sampled along N: the interior local maximum with
/// the largest prominence in log loss, min(rise from the lowest point to its left, drop to the lowest
/// point to its right). A large left end (the underparameterized loss at small N) and noise wiggles on
/// its slope have no valley before them, so they are no bump, however high they are.
public enum DoubleDescentPeak {
    /// The index of the bump in `values` (positive losses along increasing N), or nil when no interior
    /// point rises above a lower point on both sides (no bump on this grid).
    public static func index(_ values: [Double]) -> Int? {
        guard values.count >= 3 else { return nil }
        let logs = values.map { $0 > 0 && $0.isFinite ? log($0) : -Double.infinity }
        var best: (index: Int, prominence: Double)?
        for i in 1..<(values.count - 1) where logs[i].isFinite && logs[i] >= logs[i - 1] && logs[i] >= logs[i + 1] {
            let rise = logs[i] - logs[..<i].min()!
            let drop = logs[i] - logs[(i + 1)...].min()!
            let prominence = min(rise, drop)
            guard prominence > 0 else { continue }
            if best == nil || prominence > best!.prominence { best = (i, prominence) }
        }
        return best?.index
    }
}
