import GRDB

extension ResultsStore {
    /// Copies into this store the rows of other store files, read-only, that are not already here (by key and seed);
    /// rows whose results differ are resolved by `preference`, or refused when it is nil.
    ///
    /// Equal rows (same results, whatever their time, duration or tool version) are skipped. All checks come before
    /// any write, and all writes are one transaction: when it throws (a bad source, or a conflict without a
    /// preference), this store is unchanged.
    @discardableResult
    package func merge(from otherPaths: [String], preference: MergePreference? = nil) throws -> MergeSummary {
        try merge(MergePlan(sources: otherPaths, preference: preference))
    }

    /// Writes a plan's rows into this store in one transaction, after checking them all against the rows already here.
    @discardableResult
    package func merge(_ plan: MergePlan) throws -> MergeSummary {
        try write { db in
            let (inserts, updates, summary) = try classify(plan, db)
            var result = summary
            let insert = try db.cachedStatement(sql: Self.insertSQL)
            for row in inserts {
                try insert.execute(arguments: StatementArguments(row.values))
                result.added += db.changesCount
            }
            let assignments = Schema.storedColumns.dropFirst(2).map { "\($0) = ?" }.joined(separator: ", ")
            let update = try db.cachedStatement(
                sql: "UPDATE points SET \(assignments) WHERE configuration_key = ? AND seed = ?")
            for row in updates {
                try update.execute(arguments: StatementArguments(Array(row.values.dropFirst(2)) + [row.values[0], row.values[1]]))
                result.replaced += db.changesCount
            }
            return result
        }
    }

    /// Checks a plan against this store's rows without writing (this store may be read-only): throws
    /// ``StoreError/conflictingRows(key:seed:firstPath:secondPath:difference:)`` where merging it would.
    package func checkMerge(_ plan: MergePlan) throws {
        _ = try read { db in try classify(plan, db) }
    }

    /// Splits a plan's rows into those to insert and those to overwrite, counting the rest; throws on a conflict
    /// the plan's preference does not resolve.
    private func classify(_ plan: MergePlan, _ db: Database) throws -> (inserts: [MergePlan.Row], updates: [MergePlan.Row], summary: MergeSummary) {
        var summary = MergeSummary()
        summary.identical = plan.identical
        summary.conflicts = plan.conflicts
        var inserts: [MergePlan.Row] = []
        var updates: [MergePlan.Row] = []
        let existing = try db.cachedStatement(
            sql: "SELECT \(try Schema.storedColumnSelection(db)) FROM points WHERE configuration_key = ? AND seed = ?")
        for row in plan.rows {
            guard let stored = try Row.fetchOne(existing, arguments: [row.key, row.seed]) else {
                inserts.append(row)
                continue
            }
            let here = MergePlan.Row(values: Array(stored.databaseValues), path: path)
            guard let difference = MergePlan.difference(here, row) else {
                summary.identical += 1
                continue
            }
            switch plan.preference {
            case nil:
                throw StoreError.conflictingRows(
                    key: row.key, seed: UInt64(bitPattern: row.seed), firstPath: path, secondPath: row.path,
                    difference: difference)
            case .first?: summary.conflicts += 1
            case .last?:
                summary.conflicts += 1
                updates.append(row)
            }
        }
        return (inserts, updates, summary)
    }
}
