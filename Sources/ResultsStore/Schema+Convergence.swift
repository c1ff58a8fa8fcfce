import GRDB

extension Schema {
    /// Columns of an iterative solver's convergence (NULL for exact solvers and for rows written before
    /// they existed). They describe how a result was reached, so they are not part of the canonical key.
    static let convergenceColumns: [String] = ["iterations", "converged", "relative_gradient_norm"]

    /// Every column a row is written with: ``columns`` then ``convergenceColumns``.
    static var storedColumns: [String] { columns + convergenceColumns }

    /// Name of the migration that adds ``convergenceColumns``.
    static let convergenceMigration = "v3-convergence"

    /// Migrations a store opened read-only may lack: they only add nullable columns, which reads
    /// of such a store see as NULL (``storedColumnSelection(_:)``, `StoredPoint(row:)`).
    static let readableWithout: Set<String> = [tagMigration, convergenceMigration]

    /// Registers the migration adding ``convergenceColumns`` (nullable, so older rows stay as they were).
    static func registerConvergenceMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration(convergenceMigration) { db in
            try db.alter(table: pointsTable) { t in
                t.add(column: "iterations", .integer)
                t.add(column: "converged", .boolean)
                t.add(column: "relative_gradient_norm", .double)
            }
        }
    }

    /// The SELECT list of ``storedColumns`` for a table that may predate the `tag` or convergence columns
    /// (a store opened read-only is not migrated): missing columns are read as NULL.
    static func storedColumnSelection(_ db: Database) throws -> String {
        let present = Set(try db.columns(in: pointsTable).map(\.name))
        return storedColumns.map { present.contains($0) ? $0 : "NULL AS \($0)" }.joined(separator: ", ")
    }
}
