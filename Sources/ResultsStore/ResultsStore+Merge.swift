extension ResultsStore {
    /// Copies into this store the rows of other store files not already here (by key and seed); returns how many were added.
    ///
    /// Each source is read whole and inserted in one transaction; missing or bad sources throw ``StoreError``.
    @discardableResult
    public func merge(from otherPaths: [String]) throws -> Int {
        var added = 0
        for otherPath in otherPaths {
            let other = try ResultsStore(path: otherPath, createIfMissing: false)
            added += try insert(contentsOf: other.allPoints())
        }
        return added
    }
}
