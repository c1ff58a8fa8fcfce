import GRDB

/// Names of the table and its columns, and the migrations that create them.
enum Schema {
    /// The table holding one row per (configuration, seed).
    static let pointsTable = "points"

    /// Column names in table order; CSV and JSON exports use the same names and order.
    static let columns: [String] = [
        "configuration_key", "seed",
        "alpha", "beta", "m", "n", "d", "data", "features", "solver", "ridge", "tail", "tolerance", "extra",
        "loss", "loss_observed", "loss_tail", "loss_standard_error", "observed_coordinates", "rank", "seconds",
        "extras", "tool_version", "created_at", "tag",
    ]

    /// The migration that added the nullable `tag` column (rows written before it have tag NULL).
    static let tagMigration = "v2-tag"

    /// Migrations a store may lack and still be read as is (read-only): their columns read as NULL.
    static let optionalForReading: Set<String> = [tagMigration]

    /// Versioned migrations; append new ones, never edit a shipped one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: pointsTable) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("configuration_key", .text).notNull()
                t.column("seed", .integer).notNull()
                t.column("alpha", .double).notNull()
                t.column("beta", .double).notNull()
                t.column("m", .integer)
                t.column("n", .integer).notNull()
                t.column("d", .integer).notNull()
                t.column("data", .text).notNull()
                t.column("features", .text).notNull()
                t.column("solver", .text).notNull()
                t.column("ridge", .double).notNull()
                t.column("tail", .text).notNull()
                t.column("tolerance", .double)
                t.column("extra", .text).notNull().defaults(to: "")
                // NULL in the three loss columns stands for NaN (SQLite cannot store NaN).
                t.column("loss", .double)
                t.column("loss_observed", .double)
                t.column("loss_tail", .double)
                t.column("loss_standard_error", .double)
                t.column("observed_coordinates", .integer).notNull()
                t.column("rank", .integer).notNull()
                t.column("seconds", .double).notNull()
                t.column("extras", .text).notNull().defaults(to: "{}")
                t.column("tool_version", .text).notNull()
                t.column("created_at", .datetime).notNull()
                t.uniqueKey(["configuration_key", "seed"])
            }
            try db.create(index: "points_on_parameters", on: pointsTable, columns: ["alpha", "beta", "n", "d"])
        }
        migrator.registerMigration(tagMigration) { db in
            // A free-form run label (not part of the canonical key), so the rows of one store split by run.
            try db.alter(table: pointsTable) { t in t.add(column: "tag", .text) }
        }
        return migrator
    }
}
